package org.barshaga.learner;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Health fields are neither shown nor written where they are not visible: the identity
 * form, its submit and the API follow the record's own rule for every role.
 */
@BarshagaTest
class HealthFieldsTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(9100);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theIdentityFormShowsTheDisabilityStatusOnlyToThoseWhoSeeHealthFields() throws Exception {
		long withSharing = demoChild(true);
		long withoutSharing = demoChild(false);
		for (String officer : List.of(Demo.DISTRICT_SARYAGASH, Demo.REGION_TURKISTAN)) {
			String form = page(get("/learners/{id}/edit", withSharing), officer);
			assertThat(form).as(officer).contains("field-surname").doesNotContain("field-disability");
		}
		assertThat(page(get("/learners/{id}/edit", withoutSharing), Demo.SCHOOL)).contains("field-surname")
			.doesNotContain("field-disability");
		assertThat(page(get("/learners/{id}/edit", withSharing), Demo.SCHOOL)).contains("field-disability")
			.containsPattern("value=\"CHILD_WITH_DISABILITY\"\\s+selected");
		assertThat(page(get("/learners/new"), Demo.DISTRICT_SARYAGASH)).doesNotContain("field-disability");
	}

	@Test
	void noOneWritesADisabilityStatusTheyMayNotSee() throws Exception {
		long id = demoChild(false);
		for (String writer : List.of(Demo.DISTRICT_SARYAGASH, Demo.REGION_TURKISTAN, Demo.SCHOOL)) {
			MockHttpServletResponse refused = call(put("/api/v1/learners/{id}", id), writer,
					identity(id, "\"disability\":\"NONE\","));
			assertThat(refused.getStatus()).as(writer + refused.getContentAsString()).isEqualTo(400);
			assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
				.containsExactly("disability");
			MockHttpServletResponse kept = call(put("/api/v1/learners/{id}", id), writer, identity(id, ""));
			assertThat(kept.getStatus()).as(writer + kept.getContentAsString()).isEqualTo(200);
			assertThat(JsonPath.<Object>read(kept.getContentAsString(), "$.disability")).isNull();
			mvc.perform(post("/learners/{id}", id).with(as(writer))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("iin", field(id, "iin"))
				.param("surname", field(id, "surname"))
				.param("givenName", field(id, "given_name"))
				.param("birthDate", field(id, "birth_date"))
				.param("sex", field(id, "sex"))
				.param("citizenship", "KZ")
				.param("language", field(id, "language"))
				.param("disability", "NONE")
				.param("homeUnitCode", field(id, "home_unit_code"))
				.param("version", field(id, "version")));
			assertThat(field(id, "disability")).as(writer).isEqualTo("CHILD_WITH_DISABILITY");
		}
	}

	/**
	 * A child of the demo school with a disability, registered by a PMPC specialist (who
	 * states health fields), with or without the guardian's consent to sharing.
	 */
	private long demoChild(boolean sharing) throws Exception {
		String iin;
		do {
			iin = Iin.of(LocalDate.of(2013, 5, 5), Sex.FEMALE, SERIAL.getAndIncrement());
		}
		while (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
			.param("iin", iin)
			.query(Long.class)
			.single() > 0);
		MockHttpServletResponse created = call(post("/api/v1/learners"), Demo.PMPC, """
				{"iin":"%s","surname":"Health","givenName":"Field","patronymic":"Test","birthDate":"2013-05-05",
				 "sex":"FEMALE","citizenship":"KZ","language":"KK","disability":"CHILD_WITH_DISABILITY",
				 "homeUnitCode":"KZ-61-D08","enrolment":{"organisationCode":"KZ-61-D08-S001","grade":"6",
				 "form":"INCLUSIVE_CLASS","startedOn":"%s"}}""".formatted(iin, LocalDate.now().minusDays(40)));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
		for (String purpose : sharing ? List.of("DATA_PROCESSING", "SHARING_WITH_SCHOOL")
				: List.of("DATA_PROCESSING")) {
			assertThat(call(post("/api/v1/learners/{id}/consents", id), Demo.SCHOOL,
					"{\"purpose\":\"%s\",\"givenOn\":\"%s\"}".formatted(purpose, LocalDate.now().minusDays(30)))
				.getStatus()).isEqualTo(201);
		}
		return id;
	}

	private String identity(long id, String disability) {
		String patronymic = field(id, "patronymic");
		return """
				{"iin":"%s","surname":"%s","givenName":"%s",%s"birthDate":"%s","sex":"%s","citizenship":"%s",
				 "language":"%s",%s"homeUnitCode":"%s","version":%s}""".formatted(field(id, "iin"),
				field(id, "surname"), field(id, "given_name"),
				patronymic == null ? "" : "\"patronymic\":\"" + patronymic + "\",", field(id, "birth_date"),
				field(id, "sex"), field(id, "citizenship"), field(id, "language"), disability,
				field(id, "home_unit_code"), field(id, "version"));
	}

	private String field(long id, String column) {
		return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(200)) FROM learner WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

	private String page(MockHttpServletRequestBuilder request, String user) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(user).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user, String body)
			throws Exception {
		return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

}
