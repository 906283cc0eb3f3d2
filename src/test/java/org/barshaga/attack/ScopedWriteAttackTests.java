package org.barshaga.attack;

import java.time.LocalDate;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Writes stay in scope: every write of the learner register that places a row (home unit,
 * enrolment, end of enrolment, registration) or names another place (the PMPC of a
 * conclusion, the specialist of a plan) is tried toward Almaty by a Saryagash district
 * officer and by the demo school's coordinator, and changes nothing.
 */
@BarshagaTest
class ScopedWriteAttackTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(8300);

	private static final LocalDate BIRTH = LocalDate.of(2015, 4, 20);

	private static final String ALMATY_UNIT = "KZ-75-R01";

	private static final String ALMATY_SCHOOL = "KZ-75-R01-S001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDistrictOfficerCannotMoveAnEnrolledChildToAlmatyByHomeUnitAndEnd() throws Exception {
		long id = enrolledAtDemoSchool("Scoped", "Officer");
		String before = path(id);
		MockHttpServletResponse home = call(put("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH,
				identity(iinOf(id), "Scoped", "Officer", ALMATY_UNIT, version(id)));
		if (home.getStatus() == 200) {
			long enrolment = openEnrolment(id);
			MockHttpServletResponse end = call(post("/api/v1/learners/{id}/enrolments/{e}/end", id, enrolment),
					Demo.DISTRICT_SARYAGASH, "{\"endedOn\":\"%s\",\"reason\":\"DROPOUT\"}".formatted(LocalDate.now()));
			assertThat(end.getStatus()).as(end.getContentAsString()).isEqualTo(400);
			assertThat(end.getContentAsString()).contains("endedOn");
			assertThat(openEnrolment(id)).as("the enrolment stays open").isEqualTo(enrolment);
		}
		assertThat(path(id)).as("the record stays where it was").isEqualTo(before);
		assertThat(call(get("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH, null).getStatus()).isEqualTo(200);
	}

	@Test
	void aSchoolCoordinatorCannotMoveItsChildOutInTwoSteps() throws Exception {
		long id = enrolledAtDemoSchool("Scoped", "Coordinator");
		String before = path(id);
		MockHttpServletResponse home = call(put("/api/v1/learners/{id}", id), Demo.SCHOOL,
				identity(iinOf(id), "Scoped", "Coordinator", ALMATY_UNIT, version(id)));
		assertThat(home.getStatus()).as(home.getContentAsString()).isIn(200, 400);
		long enrolment = openEnrolment(id);
		MockHttpServletResponse end = call(post("/api/v1/learners/{id}/enrolments/{e}/end", id, enrolment), Demo.SCHOOL,
				"{\"endedOn\":\"%s\",\"reason\":\"DROPOUT\"}".formatted(LocalDate.now()));
		assertThat(end.getStatus()).as(end.getContentAsString()).isEqualTo(400);
		MockHttpServletResponse enrol = call(post("/api/v1/learners/{id}/enrolments", id), Demo.SCHOOL, """
				{"organisationCode":"%s","grade":"4","form":"INCLUSIVE_CLASS","startedOn":"%s"}"""
			.formatted(ALMATY_SCHOOL, LocalDate.now()));
		assertThat(enrol.getStatus()).as(enrol.getContentAsString()).isEqualTo(400);
		assertThat(openEnrolment(id)).isEqualTo(enrolment);
		assertThat(path(id)).isEqualTo(before);
	}

	@Test
	void enrollingInAnotherPlacesSchoolIsRefusedForEveryWriterOutsideIt() throws Exception {
		long id = enrolledAtDemoSchool("Scoped", "Enrol");
		String before = path(id);
		long enrolments = enrolments(id);
		for (String writer : new String[] { Demo.DISTRICT_SARYAGASH, Demo.REGION_TURKISTAN, Demo.SCHOOL }) {
			MockHttpServletResponse enrol = call(post("/api/v1/learners/{id}/enrolments", id), writer, """
					{"organisationCode":"%s","grade":"4","form":"INCLUSIVE_CLASS","startedOn":"%s"}"""
				.formatted(ALMATY_SCHOOL, LocalDate.now()));
			assertThat(enrol.getStatus()).as(writer + " " + enrol.getContentAsString()).isEqualTo(400);
		}
		assertThat(enrolments(id)).isEqualTo(enrolments);
		assertThat(path(id)).isEqualTo(before);
	}

	@Test
	void aChildNotEnrolledCannotBeSentToAlmatyByItsHomeUnit() throws Exception {
		String iin = freshIin(BIRTH, Sex.MALE);
		MockHttpServletResponse created = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH,
				identity(iin, "Scoped", "Home", "KZ-61-D08", null));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
		String before = path(id);
		MockHttpServletResponse moved = call(put("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH,
				identity(iin, "Scoped", "Home", ALMATY_UNIT, version(id)));
		assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(400);
		assertThat(path(id)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT home_unit_code FROM learner WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("KZ-61-D08");
	}

	@Test
	void aRegistrationCannotPlaceANewRecordInAlmaty() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM learner").query(Long.class).single();
		MockHttpServletResponse home = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH,
				identity(freshIin(BIRTH, Sex.MALE), "Scoped", "New", ALMATY_UNIT, null));
		assertThat(home.getStatus()).as(home.getContentAsString()).isEqualTo(400);
		String withSchool = identity(freshIin(BIRTH, Sex.MALE), "Scoped", "New", "KZ-61-D08", null).replace("}", """
				,"enrolment":{"organisationCode":"%s","grade":"3","form":"INCLUSIVE_CLASS","startedOn":"%s"}}"""
			.formatted(ALMATY_SCHOOL, LocalDate.now()));
		MockHttpServletResponse school = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, withSchool);
		assertThat(school.getStatus()).as(school.getContentAsString()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM learner").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aConclusionCannotNameAPmpcOfAnotherRegion() throws Exception {
		long id = enrolledAtDemoSchool("Scoped", "Pmpc");
		for (String purpose : new String[] { "EXAMINATION", "DATA_PROCESSING", "SHARING_WITH_SCHOOL" }) {
			assertThat(call(post("/api/v1/learners/{id}/consents", id), Demo.SCHOOL,
					"{\"purpose\":\"%s\",\"givenOn\":\"%s\"}".formatted(purpose, LocalDate.now().minusDays(30)))
				.getStatus()).isEqualTo(201);
		}
		String almatyPmpc = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-75/%'")
			.query(String.class)
			.single();
		MockHttpServletResponse conclusion = call(post("/api/v1/learners/{id}/conclusions", id), Demo.SCHOOL, """
				{"concludedOn":"%s","pmpcCode":"%s","number":"X-1","senCategories":["SPEECH"],
				 "programme":"GENERAL_ADAPTED","form":"INCLUSIVE_CLASS","weeklyHours":{"SPEECH_THERAPIST":2},
				 "nextReviewOn":"%s"}""".formatted(LocalDate.now().minusDays(5), almatyPmpc,
				LocalDate.now().plusDays(300)));
		assertThat(conclusion.getStatus()).as(conclusion.getContentAsString()).isEqualTo(400);
		assertThat(conclusion.getContentAsString()).contains("pmpcCode");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM conclusion WHERE learner_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	// Helpers

	private long enrolledAtDemoSchool(String surname, String given) throws Exception {
		String iin = freshIin(BIRTH, Sex.FEMALE);
		String body = identity(iin, surname, given, "KZ-61-D08", null).replace("}", """
				,"enrolment":{"grade":"4","className":"4А","form":"INCLUSIVE_CLASS","startedOn":"%s"}}"""
			.formatted(LocalDate.now().minusDays(100)));
		MockHttpServletResponse response = call(post("/api/v1/learners"), Demo.SCHOOL, body);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private static String identity(String iin, String surname, String given, String home, Integer version) {
		return """
				{"iin":"%s","surname":"%s","givenName":"%s","birthDate":"%s","sex":"%s","citizenship":"KZ",
				 "language":"KK","homeUnitCode":"%s"%s}""".formatted(iin, surname, given, Iin.birthDate(iin),
				Iin.sex(iin), home, version == null ? "" : ",\"version\":" + version);
	}

	private String iinOf(long id) {
		return jdbc.sql("SELECT iin FROM learner WHERE id = :id").param("id", id).query(String.class).single();
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM learner WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private String path(long id) {
		return jdbc.sql("SELECT path FROM learner WHERE id = :id").param("id", id).query(String.class).single();
	}

	private long openEnrolment(long id) {
		return jdbc.sql("SELECT id FROM enrolment WHERE learner_id = :id AND ended_on IS NULL")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private long enrolments(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE learner_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private String freshIin(LocalDate birth, Sex sex) {
		while (true) {
			String iin = Iin.of(birth, sex, SERIAL.getAndIncrement());
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
				.param("iin", iin)
				.query(Long.class)
				.single() == 0) {
				return iin;
			}
		}
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user, String body)
			throws Exception {
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request.with(as(user))).andReturn().getResponse();
	}

}
