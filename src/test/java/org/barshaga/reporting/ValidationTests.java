package org.barshaga.reporting;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.CommandLineJob;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Runs of the rules through the API and the page on the real database: the shipped rules,
 * violations that follow the registers as they change, and the caller's scope.
 */
@BarshagaTest
class ValidationTests {

	private static final String SCHOOL = "KZ-61-D08-S001";

	private static final String DISTRICT = "KZ-61-D08";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ValidationRules rules;

	@Autowired
	ValidationRuns runs;

	@Autowired
	List<CommandLineJob> jobs;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ValidationTests.class);

	/** A school year no other test surveys, so that this one's surveys are its own. */
	private int year() {
		return runs.currentYear() - 9;
	}

	@Test
	void atLeastTwentyFiveRulesShipAndEveryOneReads() {
		List<ValidationRule> shipped = rules.all().stream().filter(ValidationRule::productDefault).toList();
		assertThat(shipped).hasSizeGreaterThanOrEqualTo(25);
		for (ValidationRule rule : shipped) {
			Check check = Check.of(rule.code(), rule.current());
			assertThat(check.left().text() + " " + check.right().text()).as(rule.code()).isNotBlank();
			assertThat(rule.current().message().kk()).isNotEqualTo(rule.current().message().en());
			assertThat(rule.current().message().ru()).isNotEqualTo(rule.current().message().en());
		}
		assertThat(shipped).extracting(ValidationRule::code)
			.contains("SEN_PUPILS_WITHIN_PUPILS", "SPECIALISTS_WITHIN_NEED", "REPORTED_WITH_STEP_FREE_ENTRANCE",
					"REVIEWS_OVERDUE_SHARE", "TRAINED_WITHIN_TEACHERS");
	}

	@Test
	void violationsFollowTheSurveyAsItChanges() throws Exception {
		int year = year();
		String other = jdbc.sql("""
				SELECT MIN(code) FROM organisation WHERE status = 'OPEN' AND type = 'GENERAL_SCHOOL'
				AND path LIKE '/KZ/KZ-61/KZ-61-D08/%' AND code <> :school""")
			.param("school", SCHOOL)
			.query(String.class)
			.single();
		survey(year, "ABSENT");
		Map<String, Set<String>> before = violations(DISTRICT, year, Demo.DISTRICT_SARYAGASH);
		assertThat(before.get(SCHOOL)).contains("REPORTED_WITH_STEP_FREE_ENTRANCE").doesNotContain("SURVEY_ANSWERED");
		assertThat(before.get(other)).contains("SURVEY_ANSWERED").doesNotContain("REPORTED_WITH_STEP_FREE_ENTRANCE");
		survey(year, "PRESENT");
		Map<String, Set<String>> after = violations(SCHOOL, year, Demo.SCHOOL);
		assertThat(after.keySet()).isSubsetOf(SCHOOL);
		assertThat(after.getOrDefault(SCHOOL, Set.of())).doesNotContain("REPORTED_WITH_STEP_FREE_ENTRANCE",
				"SURVEY_ANSWERED");
		survey(year, "ABSENT");
		String page = mvc
			.perform(get("/validation").param("place", DISTRICT)
				.param("year", String.valueOf(year))
				.param("lang", "ru")
				.with(as(Demo.DISTRICT_SARYAGASH))
				.accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Школа сообщила «условия созданы», но в поэлементном обследовании нет входа без ступеней.")
			.contains("Обследование условий за год не заполнено.")
			.contains(SCHOOL)
			.contains("SCHOOLS_REPORTED ≤ SCHOOLS_STEP_FREE");
	}

	@Test
	void everySchoolOfThePlaceIsCheckedAndNothingOutsideTheScope() throws Exception {
		int year = runs.currentYear();
		MockHttpServletResponse region = call(get("/api/v1/org-units/{c}/validation?year=" + year, DISTRICT),
				Demo.REGION_TURKISTAN, null);
		assertThat(region.getStatus()).isEqualTo(200);
		long schools = jdbc.sql("""
				SELECT COUNT(*) FROM organisation WHERE status = 'OPEN' AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')
				AND path LIKE '/KZ/KZ-61/KZ-61-D08/%'""").query(Long.class).single();
		assertThat(((Number) JsonPath.read(region.getContentAsString(), "$.schools")).longValue()).isEqualTo(schools);
		List<String> flagged = JsonPath.read(region.getContentAsString(), "$.schoolsWithViolations[*].code");
		assertThat(flagged).allMatch(code -> code.startsWith(DISTRICT + "-"));
		List<Map<String, Object>> rulesRun = JsonPath.read(region.getContentAsString(), "$.rules");
		assertThat(rulesRun).hasSize((int) rules.all().stream().filter(r -> r.current().active()).count());
		String almaty = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE type = 'GENERAL_SCHOOL' AND path LIKE '/KZ/KZ-75/%'")
			.query(String.class)
			.single();
		assertThat(status("KZ-75", Demo.DISTRICT_SARYAGASH)).isEqualTo(404);
		assertThat(status(almaty, Demo.REGION_TURKISTAN)).isEqualTo(404);
		assertThat(status(DISTRICT, Demo.SCHOOL)).as("a coordinator checks only the school").isEqualTo(404);
		assertThat(status(SCHOOL, Demo.SCHOOL)).isEqualTo(200);
		assertThat(status("NO-SUCH-PLACE", Demo.ADMIN)).isEqualTo(404);
		assertThat(status(SCHOOL, Demo.RESEARCHER)).isEqualTo(403);
		assertThat(status(SCHOOL, Demo.SPECIALIST)).isEqualTo(403);
		assertThat(call(get("/api/v1/org-units/{c}/validation?year=1990", SCHOOL), Demo.ADMIN, null).getStatus())
			.isEqualTo(400);
		assertThat(mvc
			.perform(get("/validation").param("place", "KZ-75")
				.param("lang", "en")
				.with(as(Demo.DISTRICT_SARYAGASH))
				.accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("KZ-75 is not a school or unit in your area");
	}

	@Test
	void theBenchChecksEveryRuleAtEverySchoolOfTheCountry() {
		CommandLineJob bench = jobs.stream()
			.filter(job -> job.name().equals("bench validation"))
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(bench.run(List.of("--rounds", "2"), new PrintStream(bytes, true, StandardCharsets.UTF_8))).isZero();
		String printed = bytes.toString(StandardCharsets.UTF_8);
		long schools = jdbc
			.sql("""
					SELECT COUNT(*) FROM organisation WHERE status = 'OPEN' AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')""")
			.query(Long.class)
			.single();
		assertThat(printed).contains("  round 2: ")
			.contains(String.format("%,d schools", schools))
			.contains("Every rule over every school: median");
		log.info("bench validation on the demo data:\n{}", printed);
	}

	/** Records the school's survey of the year over whatever version it has. */
	private void survey(int year, String stepFree) throws Exception {
		int version = JsonPath.read(call(get("/api/v1/schools/{c}/conditions?year=" + year, SCHOOL), Demo.SCHOOL, null)
			.getContentAsString(), "$.version");
		String body = """
				{"items":{"STEP_FREE_ENTRANCE":{"status":"%s"},"ACCESSIBLE_TOILET":{"status":"PRESENT"}},
				 "reportedCreated":true,"reportedOn":"%d-10-05","version":%d}""".formatted(stepFree, year, version);
		assertThat(call(put("/api/v1/schools/{c}/conditions?year=" + year, SCHOOL), Demo.SCHOOL, body).getStatus())
			.isEqualTo(200);
	}

	private Map<String, Set<String>> violations(String place, int year, String user) throws Exception {
		MockHttpServletResponse response = call(get("/api/v1/org-units/{c}/validation?year=" + year, place), user,
				null);
		assertThat(response.getStatus()).isEqualTo(200);
		List<Map<String, Object>> schools = JsonPath.read(response.getContentAsString(), "$.schoolsWithViolations");
		Map<String, Set<String>> byCode = new java.util.HashMap<>();
		for (Map<String, Object> school : schools) {
			List<String> codes = JsonPath.read(school, "$.violations[*].rule");
			byCode.put((String) school.get("code"), new TreeSet<>(codes));
		}
		return byCode;
	}

	private int status(String place, String user) throws Exception {
		return call(get("/api/v1/org-units/{c}/validation", place), user, null).getStatus();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user, String body)
			throws Exception {
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request.with(as(user))).andReturn().getResponse();
	}

}
