package org.barshaga.identity;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.MINISTRY;
import static org.barshaga.support.Demo.REGION_TURKISTAN;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The acceptance checks of the foundation, one test each, through the JSON API. */
@BarshagaTest
class ScopeAcceptanceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ministrySeesTheTwentyTopLevelUnits() throws Exception {
		String body = mvc.perform(get("/api/v1/org-units/KZ/children").with(as(MINISTRY)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> kinds = JsonPath.read(body, "$[*].kind");
		assertThat(kinds).hasSize(20);
		assertThat(kinds).containsOnly("region", "city_of_republican_significance");
		assertThat(kinds.stream().filter("region"::equals)).hasSize(17);
		List<String> codes = JsonPath.read(body, "$[*].code");
		assertThat(codes).contains("KZ-61", "KZ-75", "KZ-71", "KZ-79", "KZ-62");
	}

	@Test
	void districtOfficerListsOnlyUsersInsideTheDistrict() throws Exception {
		String body = mvc.perform(get("/api/v1/users").with(as(DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> paths = JsonPath.read(body, "$.items[*].scopePath");
		List<String> usernames = JsonPath.read(body, "$.items[*].username");
		assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/KZ/KZ-61/KZ-61-D08/"));
		assertThat(usernames).contains("district.saryagash", "school.demo")
			.doesNotContain("region.turkistan", "ministry", "admin");
		long inDistrict = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE scope_path LIKE '/KZ/KZ-61/KZ-61-D08/%'")
			.query(Long.class)
			.single();
		assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isEqualTo(inDistrict);
	}

	@Test
	void districtOfficerGetsNotFoundForTheRegionOfficer() throws Exception {
		long regionOfficer = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", REGION_TURKISTAN)
			.query(Long.class)
			.single();
		mvc.perform(get("/api/v1/users/{id}", regionOfficer).with(as(DISTRICT_SARYAGASH)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/users/{id}", regionOfficer).with(as(MINISTRY))).andExpect(status().isOk());
	}

	@Test
	void districtOfficerCannotUpdateAnOrganisationInAlmatyAndNothingChanges() throws Exception {
		Map<String, Object> before = jdbc.sql(
				"SELECT id, name_ru, version, updated_at FROM organisation WHERE path LIKE '/KZ/KZ-75/%' ORDER BY id LIMIT 1")
			.query()
			.singleRow();
		String body = """
				{"type":"GENERAL_SCHOOL","names":{"kk":"Өзгерген","ru":"Изменённая","en":"Changed"},
				 "orgUnitCode":"KZ-61-D08","settlement":"URBAN","ownership":"STATE","languages":["KK"],
				 "status":"OPEN","version":%s}
				""".formatted(before.get("version"));
		mvc.perform(put("/api/v1/organisations/{id}", before.get("id")).with(as(DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNotFound());
		Map<String, Object> after = jdbc.sql("SELECT id, name_ru, version, updated_at FROM organisation WHERE id = :id")
			.param("id", before.get("id"))
			.query()
			.singleRow();
		assertThat(after).isEqualTo(before);
	}

}
