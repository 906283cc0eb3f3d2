package org.barshaga.registry;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.RESEARCHER;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class OrganisationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String body(String code, String unit, Object version) {
		return """
				{"code":"%s","type":"KPPK","names":{"kk":"Тест кабинеті","ru":"Тестовый кабинет","en":"Test room"},
				 "orgUnitCode":"%s","settlement":"RURAL","ownership":"STATE","languages":["KK","UZ"],
				 "status":"OPEN","version":%s}
				""".formatted(code, unit, version);
	}

	@Test
	void createsAnOrganisationInScopeAndAuditsEveryField() throws Exception {
		String created = mvc
			.perform(post("/api/v1/organisations").with(as(DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("api-new-kppk", "KZ-61-D08", "null")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/organisations/")))
			.andExpect(jsonPath("$.code").value("API-NEW-KPPK"))
			.andExpect(jsonPath("$.path").value("/KZ/KZ-61/KZ-61-D08/API-NEW-KPPK/"))
			.andExpect(jsonPath("$.languages").value(org.hamcrest.Matchers.contains("KK", "UZ")))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int id = JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/audit").param("recordType", "organisation")
			.param("recordId", Integer.toString(id))
			.with(as(ADMIN)))
			.andExpect(jsonPath("$.items[0].action").value("CREATE"))
			.andExpect(jsonPath("$.items[0].actor").value(DISTRICT_SARYAGASH))
			.andExpect(jsonPath("$.items[0].fields", containsString("nameRu: → Тестовый кабинет")))
			.andExpect(jsonPath("$.items[0].fields", containsString("orgUnit: → KZ-61-D08")));
	}

	@Test
	void updatesWithTheVersionReadAndRefusesAStaleOne() throws Exception {
		String created = mvc
			.perform(post("/api/v1/organisations").with(as(DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("API-UPDATE-1", "KZ-61-D08", "null")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int id = JsonPath.read(created, "$.id");
		String renamed = body("API-UPDATE-1", "KZ-61-D08", 0).replace("Тестовый кабинет", "Переименованный кабинет");
		mvc.perform(put("/api/v1/organisations/{id}", id).with(as(DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(renamed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names.ru").value("Переименованный кабинет"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/organisations/{id}", id).with(as(DISTRICT_SARYAGASH))
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-UPDATE-1", "KZ-61-D08", 0)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Изменено другим пользователем"));
		assertThat(jdbc.sql("SELECT name_ru FROM organisation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Переименованный кабинет");
		mvc.perform(get("/api/v1/audit").param("recordType", "organisation")
			.param("recordId", Integer.toString(id))
			.with(as(ADMIN)))
			.andExpect(jsonPath("$.items[0].action").value("UPDATE"))
			.andExpect(jsonPath("$.items[0].fields").value("nameRu: Тестовый кабинет → Переименованный кабинет"));
	}

	@Test
	void namesEveryWrongFieldInTheCallersLanguage() throws Exception {
		String bad = """
				{"code":"bad code!","type":"CASTLE","names":{"kk":"","ru":"Школа","en":"School"},
				 "orgUnitCode":"KZ-99","settlement":"URBAN","ownership":"STATE","languages":[]}
				""";
		String response = mvc
			.perform(post("/api/v1/organisations").with(as(ADMIN))
				.header("Accept-Language", "kk")
				.contentType(MediaType.APPLICATION_JSON)
				.content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(response, "$.errors[*].field")).containsExactly("type");
		assertThat(JsonPath.<String>read(response, "$.errors[0].message")).contains("Түрі").contains("CASTLE");
		String badValues = bad.replace("CASTLE", "GENERAL_SCHOOL");
		String second = mvc
			.perform(post("/api/v1/organisations").with(as(ADMIN))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(badValues))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(second, "$.errors[*].field")).containsExactlyInAnyOrder("code", "nameKk",
				"languages", "orgUnitCode");
		assertThat(second).contains("there is no unit with code KZ-99");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE name_ru = 'Школа'").query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesADuplicateCode() throws Exception {
		mvc.perform(post("/api/v1/organisations").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("KZ-61-D08-S001", "KZ-61-D08", "null")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void malformedJsonIsAProblemNotAStackTrace() throws Exception {
		mvc.perform(post("/api/v1/organisations").with(as(ADMIN))
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Нечитаемый запрос"));
	}

	@Test
	void aValueJsonCannotReadNamesItsField() throws Exception {
		mvc.perform(post("/api/v1/organisations").with(as(ADMIN))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("UNREADABLE-1", "KZ-61-D08", "null").replace("\"KPPK\"", "\"NO_SUCH_TYPE\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Type: ")));
	}

	@Test
	void researcherReadsButCannotWrite() throws Exception {
		mvc.perform(get("/api/v1/organisations").param("orgUnit", "KZ-59").with(as(RESEARCHER)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/organisations").with(as(RESEARCHER))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("RESEARCHER-TRY", "KZ-59-D01", "null"))).andExpect(status().isForbidden());
	}

	@Test
	void listsByUnitAndTypeAPageAtATime() throws Exception {
		long pmpcInTurkistan = jdbc
			.sql("SELECT COUNT(*) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/%'")
			.query(Long.class)
			.single();
		mvc.perform(get("/api/v1/organisations").param("orgUnit", "KZ-61")
			.param("type", "PMPC")
			.param("size", "5")
			.param("page", "1")
			.with(as(RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(pmpcInTurkistan))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(jsonPath("$.items[*].type", everyItem(org.hamcrest.Matchers.is("PMPC"))))
			.andExpect(jsonPath("$.items[*].path", everyItem(startsWith("/KZ/KZ-61/"))));
		mvc.perform(get("/api/v1/organisations").param("type", "CASTLE").param("size", "0").with(as(RESEARCHER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("type", "size")));
	}

	@Test
	void searchIgnoresKazakhLettersAndCase() throws Exception {
		mvc.perform(get("/api/v1/organisations").param("q", "ЖАҢАТАЛАП").param("orgUnit", "KZ-61").with(as(RESEARCHER)))
			.andExpect(jsonPath("$.items[*].names.kk", everyItem(containsString("Жаңаталап"))));
		mvc.perform(get("/api/v1/organisations").param("q", "жанаталап").param("orgUnit", "KZ-61").with(as(RESEARCHER)))
			.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
	}

	@Test
	void unknownUnitIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/org-units/KZ-00").with(as(RESEARCHER))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/org-units/KZ-61-D08").with(as(RESEARCHER)))
			.andExpect(jsonPath("$.names.en").value("Saryagash District"))
			.andExpect(jsonPath("$.path").value("/KZ/KZ-61/KZ-61-D08/"))
			.andExpect(jsonPath("$.parentCode").value("KZ-61"))
			.andExpect(jsonPath("$.validFrom").value("2022-06-08"));
	}

}
