package org.barshaga.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rounds and codes: who opens a round and over which unit, what each school must hand
 * out, codes kept only as hashes and limited to the school's people, class codes.
 */
@BarshagaTest
class RoundsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegionOpensARoundAndEachSchoolSeesWhatItMustHandOut() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		long schools = jdbc.sql("""
				SELECT COUNT(*) FROM organisation WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/%'
				AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND status = 'OPEN'""").query(Long.class).single();
		long parents = jdbc.sql("""
				SELECT COUNT(DISTINCT e.learner_id) FROM enrolment e JOIN organisation o ON o.id = e.organisation_id
				WHERE o.code = :school AND e.ended_on IS NULL""")
			.param("school", RoundFixture.SCHOOL)
			.query(Long.class)
			.single();
		mvc.perform(get("/api/v1/rounds/" + round).with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round.status").value("OPEN"))
			.andExpect(jsonPath("$.schools.length()").value((int) schools));
		mvc.perform(get("/api/v1/rounds/" + round).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schools.length()").value(1))
			.andExpect(jsonPath("$.schools[0].code").value(RoundFixture.SCHOOL))
			.andExpect(jsonPath("$.schools[0].expected").value((int) parents))
			.andExpect(jsonPath("$.schools[0].responses").value(0));
		mvc.perform(get("/api/v1/rounds").with(as(Demo.SCHOOL))).andExpect(jsonPath("$[*].id", hasItem((int) round)));
	}

	@Test
	void onlyTheMinistryRegionsAndAdministratorsOpenRoundsAndOnlyInTheirScope() throws Exception {
		String body = """
				{"instrument": "PARENT_SEN", "version": 1, "unit": "%s", "opensOn": "%s", "closesOn": "%s"}""";
		String today = java.time.LocalDate.now().toString();
		String later = java.time.LocalDate.now().plusDays(10).toString();
		mvc.perform(post("/api/v1/rounds").with(as(Demo.DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("KZ-61-D08", today, later))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/rounds").with(as(Demo.REGION_TURKISTAN))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("KZ-75", today, later)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("KZ-75")));
		mvc.perform(post("/api/v1/rounds").with(as(Demo.REGION_TURKISTAN))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("KZ-61", later, today)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("must close on or after")));
		mvc.perform(post("/api/v1/rounds").with(as(Demo.MINISTRY))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"instrument": "PUPIL_VOICE", "version": 1, "unit": "KZ-61", "grades": [2],
					"opensOn": "%s", "closesOn": "%s"}""".formatted(today, later)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("grades from 3 to 12")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_round WHERE unit_code = 'KZ-75'").query(Long.class).single())
			.isZero();
	}

	@Test
	void codesAreKeptOnlyAsHashesAndNeverMoreThanTheSchoolsPeople() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		int expected = rounds.expected(round, RoundFixture.SCHOOL);
		assertThat(expected).as("the demo school has parents to reach").isGreaterThan(1);
		List<String> codes = rounds.codes(round, RoundFixture.SCHOOL, 2);
		assertThat(codes).hasSize(2).allMatch(c -> c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
		List<String> stored = jdbc.sql("SELECT code_hash FROM quality_code WHERE round_id = :round ORDER BY code_hash")
			.param("round", round)
			.query(String.class)
			.list();
		assertThat(stored).containsExactlyInAnyOrder(sha256(codes.get(0).replace("-", "")),
				sha256(codes.get(1).replace("-", "")));
		for (String code : codes) {
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM quality_code WHERE code_hash = :code OR draft LIKE :like""")
				.param("code", code.replace("-", ""))
				.param("like", "%" + code + "%")
				.query(Long.class)
				.single()).isZero();
		}
		mvc.perform(post("/api/v1/rounds/" + round + "/schools/" + RoundFixture.SCHOOL + "/codes").with(as(Demo.SCHOOL))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"count\": " + (expected - 1) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message",
					containsString("This school has at most " + (expected - 2) + " more people to reach.")));
		mvc.perform(
				post("/api/v1/rounds/" + round + "/schools/" + RoundFixture.SCHOOL + "/codes").with(as(Demo.RESEARCHER))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"count\": 1}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rounds/" + round).with(as(Demo.SCHOOL)))
			.andExpect(jsonPath("$.schools[0].codesIssued").value(2));
	}

	@Test
	void aClassCodeTakesAsManyResponsesAsTheClassHasPupils() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PUPIL_VOICE", RoundFixture.DISTRICT, List.of(3, 4, 5, 6, 7, 8, 9, 10, 11));
		int expected = rounds.expected(round, RoundFixture.SCHOOL);
		assertThat(expected).as("the demo school has pupils in the extract").isGreaterThanOrEqualTo(3);
		String answer = mvc
			.perform(
					post("/api/v1/rounds/" + round + "/schools/" + RoundFixture.SCHOOL + "/codes").with(as(Demo.SCHOOL))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"classSize\": 3}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String code = com.jayway.jsonpath.JsonPath.<List<String>>read(answer, "$.codes").get(0);
		mvc.perform(post("/api/v1/rounds/" + round + "/schools/" + RoundFixture.SCHOOL + "/codes").with(as(Demo.SCHOOL))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"count\": 3}")).andExpect(status().isBadRequest());
		Map<String, Object> pupil = Map.of("BL_1", 3, "BL_2", 2, "BL_3", 3, "BL_4", 1);
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/survey/responses").contentType(MediaType.APPLICATION_JSON)
				.content(RoundFixture.JSON.writeValueAsString(Map.of("code", code, "answers", pupil, "sen", i == 0))))
				.andExpect(status().isCreated());
		}
		mvc.perform(post("/api/v1/survey/responses").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(RoundFixture.JSON.writeValueAsString(Map.of("code", code, "answers", pupil))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("This code has already been used.")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_response WHERE round_id = :round AND sen")
			.param("round", round)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void roundsArePagesInTheThreeLanguages() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		mvc.perform(get("/quality/rounds?lang=en").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("href=\"/quality/rounds/" + round + "\"")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Open the round")));
		mvc.perform(get("/quality/rounds/" + round + "?lang=ru").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Одноразовые коды")));
		mvc.perform(get("/quality/rounds?lang=kk").with(as(Demo.SCHOOL)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(containsString("Турды ашу"))));
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
	}

}
