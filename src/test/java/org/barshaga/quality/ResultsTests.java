package org.barshaga.quality;

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
import static org.assertj.core.api.Assertions.within;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Results: a group under 5 is never shown, the mean and its 95% interval on a hand-made
 * case, results only in the caller's scope, free texts only after redaction and only to
 * the school and its district.
 */
@BarshagaTest
class ResultsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGroupUnderFiveIsNeverShownAndFiveGiveTheMeanWithItsInterval() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		assertThat(rounds.expected(round, RoundFixture.SCHOOL)).as("the demo school has 5 parents to reach")
			.isGreaterThanOrEqualTo(5);
		List<String> codes = rounds.codes(round, RoundFixture.SCHOOL, 5);
		for (int i = 0; i < 4; i++) {
			rounds.submit(codes.get(i), RoundFixture.partnership(i + 1));
		}
		for (String place : List.of(RoundFixture.SCHOOL, RoundFixture.DISTRICT, "KZ-61", "KZ")) {
			mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + place).with(as(Demo.MINISTRY)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.shown").value(false))
				.andExpect(jsonPath("$.responses").value(0))
				.andExpect(jsonPath("$.scales[0].mean").value(nullValue()))
				.andExpect(jsonPath("$.items.length()").value(0));
		}
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + RoundFixture.DISTRICT)
			.with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(jsonPath("$.children[?(@.code == '" + RoundFixture.SCHOOL + "')].shown").value(false))
			.andExpect(jsonPath("$.children[?(@.code == '" + RoundFixture.SCHOOL + "')].means.PARTNERSHIP")
				.value(org.hamcrest.Matchers.contains(nullValue())));
		rounds.submit(codes.get(4), RoundFixture.partnership(5));
		// scores 0, 25, 50, 75, 100: mean 50, s = 39.5285, t(0.975, 4) = 2.7764; t is
		// within 0.001
		// (ScoreStats.t975), so the half width within 0.001 × s ÷ √5 < 0.02
		double half = 2.776445 * Math.sqrt(1562.5) / Math.sqrt(5);
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + RoundFixture.SCHOOL).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shown").value(true))
			.andExpect(jsonPath("$.responses").value(5))
			.andExpect(jsonPath("$.scales[0].code").value("PARTNERSHIP"))
			.andExpect(jsonPath("$.scales[0].valid").value(5))
			.andExpect(jsonPath("$.scales[0].mean").value(closeTo(50.0, 1e-9)))
			.andExpect(jsonPath("$.scales[0].ciLow").value(closeTo(50 - half, 0.02)))
			.andExpect(jsonPath("$.scales[0].ciHigh").value(closeTo(50 + half, 0.02)))
			.andExpect(jsonPath("$.scales[0].bands").value(nullValue()))
			.andExpect(jsonPath("$.scales[1].mean").value(nullValue()))
			.andExpect(jsonPath("$.items[0].code").value("PA_1"))
			.andExpect(jsonPath("$.items[0].answered").value(5))
			.andExpect(jsonPath("$.items[0].mean").value(closeTo(3.0, 1e-9)))
			.andExpect(jsonPath("$.items[0].counts").value(nullValue()));
		mvc.perform(get("/quality/rounds/" + round + "/results?place=" + RoundFixture.SCHOOL + "&lang=en")
			.with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50.0")))
			.andExpect(content().string(containsString(String.format(java.util.Locale.ROOT, "%.1f", 50 - half))));
	}

	@Test
	void pupilsWithSenFewerThanFiveCountInNoFigureSoTheirMeanCannotBeWorkedOut() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PUPIL_VOICE", RoundFixture.DISTRICT, List.of(5));
		String classCode = rounds.classCode(round, RoundFixture.SCHOOL, 9);
		// six peers who feel they belong (score 100), three pupils with SEN who do not
		// (0)
		for (int i = 0; i < 9; i++) {
			int value = i < 6 ? 3 : 1;
			mvc.perform(post("/api/v1/survey/responses").contentType(MediaType.APPLICATION_JSON)
				.content(RoundFixture.JSON.writeValueAsString(Map.of("code", classCode, "sen", i >= 6, "answers",
						Map.of("BL_1", value, "BL_2", value, "BL_3", value, "BL_4", value)))))
				.andExpect(status().isCreated());
		}
		for (String place : List.of(RoundFixture.SCHOOL, RoundFixture.DISTRICT)) {
			mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + place).with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.responses").value(9))
				.andExpect(jsonPath("$.scales[0].code").value("BELONGING"))
				.andExpect(jsonPath("$.scales[0].valid").value(6))
				.andExpect(jsonPath("$.scales[0].mean").value(closeTo(100.0, 1e-9)));
		}
	}

	@Test
	void theTQuantileIsWithinAThousandthFromFourDegreesOfFreedom() {
		assertThat(ScoreStats.t975(4)).isCloseTo(2.776445, within(0.001));
		assertThat(ScoreStats.t975(9)).isCloseTo(2.262157, within(0.001));
		assertThat(ScoreStats.t975(29)).isCloseTo(2.045230, within(0.001));
		assertThat(ScoreStats.t975(1000)).isCloseTo(1.962339, within(0.001));
	}

	@Test
	void resultsAreOnlyForPlacesInTheCallersScope() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", "KZ-61", List.of());
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + RoundFixture.DISTRICT).with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=KZ-75").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=KZ-61").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + RoundFixture.DISTRICT)
			.with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isOk());
		String otherRegion = jdbc.sql("""
				SELECT MIN(code) FROM organisation WHERE path LIKE '/KZ/KZ-75/%' AND type = 'GENERAL_SCHOOL'""")
			.query(String.class)
			.single();
		mvc.perform(get("/api/v1/rounds/" + round + "/results?place=" + otherRegion).with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.responses").value(0));
	}

	@Test
	void freeTextIsShownOnlyAfterRedactionAndOnlyToTheSchoolAndItsDistrict() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		List<String> codes = rounds.codes(round, RoundFixture.SCHOOL, 5);
		for (String code : codes) {
			java.util.Map<String, Object> answers = new java.util.HashMap<>(RoundFixture.partnership(3));
			answers.put("COMMENT", "Thanks to teacher Zhanar Abenova");
			rounds.submit(code, answers);
		}
		String results = "/api/v1/rounds/" + round + "/results?place=" + RoundFixture.SCHOOL;
		mvc.perform(get(results).with(as(Demo.SCHOOL))).andExpect(jsonPath("$.texts.length()").value(0));
		String pending = mvc.perform(get("/api/v1/rounds/" + round + "/texts").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[0].text").value("Thanks to teacher Zhanar Abenova"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(get("/api/v1/rounds/" + round + "/texts").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isForbidden());
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(pending, "$[0].id")).longValue();
		mvc.perform(put("/api/v1/rounds/" + round + "/texts/" + id).with(as(Demo.SCHOOL))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Thanks to teacher [name]\"}")).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT original FROM quality_response_text WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()).isEmpty();
		mvc.perform(get(results).with(as(Demo.SCHOOL)))
			.andExpect(jsonPath("$.texts.length()").value(1))
			.andExpect(jsonPath("$.texts[0].text").value("Thanks to teacher [name]"));
		mvc.perform(get(results).with(as(Demo.DISTRICT_SARYAGASH))).andExpect(jsonPath("$.texts.length()").value(1));
		for (String outsider : List.of(Demo.REGION_TURKISTAN, Demo.MINISTRY, Demo.RESEARCHER)) {
			mvc.perform(get(results).with(as(outsider)))
				.andExpect(jsonPath("$.texts.length()").value(0))
				.andExpect(content().string(not(containsString("Thanks to teacher"))));
		}
	}

}
