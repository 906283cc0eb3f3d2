package org.barshaga.quality;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.SchoolStatus;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A school's self-review beside the evidence: its scores are the scoring rule on its
 * answers, its conditions and support are the conditions module's and the indicators' own
 * figures, its notes appear only once names are removed, each figure's reading follows
 * the documented rule, only the school's staff and the authorities above it read it, and
 * the page speaks the three languages.
 */
@BarshagaTest
class SelfReviewTests {

	static final String API = "/api/v1/schools/" + RoundFixture.SCHOOL + "/self-review";

	static final String NOTE = "Observed by the methodologist Aigul Sarsenova";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Instruments instruments;

	@Autowired
	SchoolConditions conditions;

	@Autowired
	Indicators indicators;

	/** Agreement high on every item (the reversed ones low), one "don't know", a note. */
	static Map<String, Object> answers() {
		Map<String, Object> answers = new HashMap<>();
		for (String item : List.of("A1_1", "A1_2", "A2_1", "A2_2", "A2_3", "B1_1", "B1_2", "B1_3", "B2_1", "B2_2",
				"C1_1", "C1_2", "C2_1", "C2_2", "C2_3")) {
			answers.put(item, 4);
		}
		answers.put("A1_3", 2);
		answers.put("C1_3", 1);
		answers.put("B2_3", "DONT_KNOW");
		answers.put("A1_EVIDENCE", NOTE);
		return answers;
	}

	@Test
	void theScoresAreTheRuleOnTheSchoolsAnswersBesideItsConditionsAndSupport() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open(SelfReviews.INSTRUMENT, RoundFixture.DISTRICT, List.of());
		rounds.submit(rounds.codes(round, RoundFixture.SCHOOL, 1).get(0), answers());
		InstrumentVersion definition = instruments.definition(SelfReviews.INSTRUMENT, 1);
		Map<String, ScaleScore> expected = ScaleScoring.score(definition,
				ResponseReader.read(definition, answers()).answers());
		assertThat(expected.get("POLICIES").answered()).as("B2_3 is not answered").isEqualTo(5);

		String body = mvc.perform(get(API).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round.id").value(round))
			.andExpect(jsonPath("$.round.responses").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String scale : List.of("CULTURES", "POLICIES", "PRACTICES")) {
			List<Number> score = JsonPath.read(body, "$.dimensions[?(@.code == '" + scale + "')].score");
			assertThat(score.get(0).doubleValue()).as(scale).isCloseTo(expected.get(scale).score(), within(1e-9));
		}
		List<Integer> pending = JsonPath.read(body, "$.dimensions[?(@.code == 'CULTURES')].pendingNotes");
		assertThat(pending).containsExactly(1);
		assertThat(body).doesNotContain(NOTE);

		int year = SchoolYear.of(LocalDate.now()).startYear();
		assertThat((Integer) JsonPath.read(body, "$.year")).isEqualTo(year);
		Actor admin = new Actor(0, "test", "Test", Role.ADMIN, DataScope.NATION);
		SchoolStatus status = conditions.status(admin, RoundFixture.SCHOOL, year);
		assertThat(((Number) JsonPath.read(body, "$.conditions.facts.learnersWithSen")).longValue())
			.isEqualTo(status.facts().learnersWithSen());
		assertThat(((Number) JsonPath.read(body, "$.conditions.facts.teachers")).longValue())
			.isEqualTo(status.facts().teachers());
		for (int i = 0; i < status.sets().size(); i++) {
			String set = status.sets().get(i).code();
			List<Boolean> measured = JsonPath.read(body,
					"$.conditions.evaluations[?(@.criteriaSet == '" + set + "')].measured");
			assertThat(measured).as(set).containsExactly(status.evaluations().get(i).measured());
		}
		assertThat(new java.math.BigDecimal(JsonPath.read(body, "$.conditions.specialistGap").toString()))
			.isEqualByComparingTo(conditions.staffing(admin, RoundFixture.SCHOOL, year).gap());
		IndicatorValue hours = indicators
			.values(admin, "SUPPORT_HOURS", RoundFixture.SCHOOL, year, Level.SELF, List.of())
			.total();
		assertThat(new java.math.BigDecimal(JsonPath.read(body, "$.support.deliveredHours").toString()))
			.isEqualByComparingTo(hours.numerator());
		assertThat(new java.math.BigDecimal(JsonPath.read(body, "$.support.recommendedHours").toString()))
			.isEqualByComparingTo(hours.denominator());

		// every score is at least 50, so a figure that meets its bar backs the
		// self-review
		// and one that falls short contradicts it
		List<Map<String, Object>> evidence = JsonPath.read(body, "$.dimensions[*].evidence[*]");
		assertThat(evidence).isNotEmpty().allSatisfy(e -> {
			Object meets = e.get("meets");
			assertThat(e.get("reading"))
				.isEqualTo(meets == null ? "NO_DATA" : Boolean.TRUE.equals(meets) ? "BACKS" : "CONTRADICTS");
		});
		List<String> practices = JsonPath.read(body, "$.dimensions[?(@.code == 'PRACTICES')].evidence[*].kind");
		assertThat(practices).contains("SUPPORT_HOURS", "SUPPORT_COVERAGE", "SPECIALIST_GAP");

		// the note is shown, to the authorities too, once the school has removed names
		String texts = mvc.perform(get("/api/v1/rounds/" + round + "/texts").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Number> ids = JsonPath.read(texts, "$[?(@.item == 'A1_EVIDENCE')].id");
		mvc.perform(put("/api/v1/rounds/" + round + "/texts/" + ids.get(0)).with(as(Demo.SCHOOL))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Observed by the methodologist [name]\"}")).andExpect(status().isOk());
		for (String reader : List.of(Demo.SCHOOL, Demo.DISTRICT_SARYAGASH, Demo.REGION_TURKISTAN, Demo.MINISTRY)) {
			mvc.perform(get(API + "?round=" + round).with(as(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.dimensions[0].notes[0].text").value("Observed by the methodologist [name]"))
				.andExpect(jsonPath("$.dimensions[0].pendingNotes").value(0))
				.andExpect(content().string(not(containsString("Aigul"))));
		}
	}

	@Test
	void onlyTheSchoolsStaffAndTheAuthoritiesAboveItReadIt() throws Exception {
		String otherSchool = jdbc.sql("""
				SELECT MIN(code) FROM organisation WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/%'
				AND type = 'GENERAL_SCHOOL' AND code <> :school""")
			.param("school", RoundFixture.SCHOOL)
			.query(String.class)
			.single();
		String otherRegion = jdbc.sql("""
				SELECT MIN(code) FROM organisation WHERE path LIKE '/KZ/KZ-75/%' AND type = 'GENERAL_SCHOOL'""")
			.query(String.class)
			.single();
		for (String reader : List.of(Demo.SCHOOL, Demo.DISTRICT_SARYAGASH, Demo.REGION_TURKISTAN, Demo.MINISTRY,
				Demo.ADMIN)) {
			mvc.perform(get(API).with(as(reader))).andExpect(status().isOk());
		}
		mvc.perform(get(API).with(as(Demo.RESEARCHER))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/schools/" + otherSchool + "/self-review").with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/schools/" + otherRegion + "/self-review").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/schools/" + otherRegion + "/self-review").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/schools/" + otherSchool + "/self-review").with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(get(API + "?round=999999999").with(as(Demo.SCHOOL))).andExpect(status().isNotFound());
	}

	@Test
	void thePageSpeaksTheThreeLanguagesAndIsLinkedFromConditionsAndResults() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open(SelfReviews.INSTRUMENT, RoundFixture.DISTRICT, List.of());
		rounds.submit(rounds.codes(round, RoundFixture.SCHOOL, 1).get(0), answers());
		InstrumentVersion definition = instruments.definition(SelfReviews.INSTRUMENT, 1);
		// the reversed A1_3 makes cultures other than 100: 94.4 on the page, one decimal
		String cultures = ResultPages
			.one(ScaleScoring.score(definition, ResponseReader.read(definition, answers()).answers())
				.get("CULTURES")
				.score());
		assertThat(cultures).isEqualTo("94.4");
		Map<String, String> headings = Map.of("kk", "Өзін-өзі бағалау деректермен қатар", "ru",
				"Самооценка рядом с фактами", "en", "Self-review beside the evidence");
		String page = "/schools/" + RoundFixture.SCHOOL + "/self-review";
		for (Map.Entry<String, String> language : headings.entrySet()) {
			mvc.perform(get(page + "?lang=" + language.getKey()).with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(language.getValue())))
				.andExpect(content().string(containsString(cultures)));
		}
		mvc.perform(get("/schools/" + RoundFixture.SCHOOL + "/conditions").with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString(page)));
		mvc.perform(get("/quality/rounds/" + round + "/results?place=" + RoundFixture.SCHOOL).with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString(page + "?round=" + round)));
	}

	@Test
	void theDemoHasSelfReviewsWithPublishedAndPendingNotes() {
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM quality_response r JOIN quality_round q ON q.id = r.round_id
				WHERE q.instrument_code = 'SCHOOL_SELF_REVIEW' AND q.created_by = 'demo-data'""")
			.query(Long.class)
			.single()).isGreaterThan(1);
		for (String status : List.of("REDACTED", "PENDING")) {
			assertThat(jdbc
				.sql("""
						SELECT COUNT(*) FROM quality_response_text t JOIN quality_round q ON q.id = t.round_id
						WHERE q.instrument_code = 'SCHOOL_SELF_REVIEW' AND q.created_by = 'demo-data' AND t.status = :status""")
				.param("status", status)
				.query(Long.class)
				.single()).as(status).isGreaterThan(0);
		}
	}

}
