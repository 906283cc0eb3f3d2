package org.barshaga.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The instruments API: definitions, the score of answers by the rule, and refusals. */
@BarshagaTest
class InstrumentsApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCatalogueListsTheShippedInstrumentsWithTheirVersions() throws Exception {
		mvc.perform(get("/api/v1/instruments").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItems(InstrumentTests.SHIPPED.toArray())))
			.andExpect(jsonPath("$[?(@.code == 'PUPIL_VOICE')].respondent").value("PUPIL"))
			.andExpect(jsonPath("$[?(@.code == 'PUPIL_VOICE')].versions[0].version").value(1))
			.andExpect(jsonPath("$[?(@.code == 'PUPIL_VOICE')].versions[0].status").value("PUBLISHED"))
			.andExpect(jsonPath("$[?(@.code == 'BARRIERS')].name.ru")
				.value("Барьеры инклюзивного образования: взгляд директоров и координаторов"));
		mvc.perform(get("/api/v1/instruments")).andExpect(status().isUnauthorized());
	}

	@Test
	void aDefinitionGivesItemsOptionsScalesAndTextsInTheThreeLanguages() throws Exception {
		mvc.perform(get("/api/v1/instruments/PARENT_SEN/versions/1").with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("PARENT_SEN"))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.easyRead.kk").isNotEmpty())
			.andExpect(jsonPath("$.sections[0].code").value("PARTNERSHIP"))
			.andExpect(jsonPath("$.sections[0].easyRead.en").value("Does the school talk with you"))
			.andExpect(jsonPath("$.sections[0].items[0].code").value("PA_1"))
			.andExpect(jsonPath("$.sections[0].items[0].type").value("LIKERT"))
			.andExpect(jsonPath("$.sections[0].items[0].points").value(5))
			.andExpect(jsonPath("$.sections[0].items[0].options[*].value", contains(1, 2, 3, 4, 5)))
			.andExpect(jsonPath("$.sections[0].items[0].options[4].label.kk").value("Толық келісемін"))
			.andExpect(jsonPath("$.sections[0].items[0].options[4].easyRead.ru").value("Да, полностью"))
			.andExpect(jsonPath("$.sections[0].items[0].text.kk")
				.value("Мектеп маған баламның оқуы туралы үнемі хабарлап отырады."))
			.andExpect(jsonPath("$.sections[0].items[0].text.ru")
				.value("Школа регулярно сообщает мне об учёбе моего ребёнка."))
			.andExpect(jsonPath("$.sections[0].items[0].text.en")
				.value("The school tells me regularly how my child is learning."))
			.andExpect(jsonPath("$.sections[0].items[1].notApplicableAllowed").value(true))
			.andExpect(jsonPath("$.sections[0].items[1].dontKnowAllowed").value(false))
			.andExpect(jsonPath("$.sections[1].items[5].code").value("SU_MISSING"))
			.andExpect(jsonPath("$.sections[1].items[5].type").value("MULTIPLE"))
			.andExpect(jsonPath("$.sections[1].items[5].shownWhen.item").value("SU_PLAN"))
			.andExpect(jsonPath("$.sections[1].items[5].shownWhen.values", contains(1)))
			.andExpect(jsonPath("$.sections[4].items[0].type").value("NUMBER"))
			.andExpect(jsonPath("$.sections[4].items[0].max").value(100))
			.andExpect(jsonPath("$.scales[*].code", contains("PARTNERSHIP", "SUPPORT", "WELLBEING", "DISCRIMINATION")))
			.andExpect(jsonPath("$.scales[0].minAnswered").value(4))
			.andExpect(jsonPath("$.scales[1].minAnswered").value(3))
			.andExpect(jsonPath("$.scales[2].items", contains("WE_1", "WE_2", "WE_3", "WE_4", "WE_5")))
			.andExpect(jsonPath("$.scales[2].reversed", contains("WE_5")))
			.andExpect(jsonPath("$.scales[2].lowest").value(1))
			.andExpect(jsonPath("$.scales[2].highest").value(5));
		mvc.perform(get("/api/v1/instruments/PUPIL_VOICE/versions/1").with(as(Demo.SCHOOL)))
			.andExpect(jsonPath("$.sections[0].items[0].type").value("SINGLE"))
			.andExpect(jsonPath("$.sections[0].items[0].options[*].picture", contains("SAD", "NEUTRAL", "HAPPY")));
		mvc.perform(get("/api/v1/instruments/TEACHER_EFFICACY/versions/1").with(as(Demo.SCHOOL)))
			.andExpect(jsonPath("$.easyRead").isEmpty())
			.andExpect(jsonPath("$.scales[3].reversed", contains("AT_3", "AT_4")))
			.andExpect(jsonPath("$.sections[0].items[0].points").value(6));
		mvc.perform(get("/api/v1/instruments/NO_SUCH/versions/1").with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/instruments/PARENT_SEN/versions/99").with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
	}

	@Test
	void scoresWorkedOutByHand() throws Exception {
		// WE_5 = 2 reversed is 4; 5, 4, 4, 3, 4: mean 4, score 75. PA: 4 answered
		// (PA_2 not applicable) of minimum 4: 2, 3, 4, 5 -> mean 3.5, score 62.5.
		// SUPPORT: SU_1 and SU_2 not applicable, SU_4 don't know: 1 of 3, invalid.
		String answers = """
				{"answers": {"WE_1": 5, "WE_2": 4, "WE_3": 4, "WE_4": 3, "WE_5": 2,
				  "PA_1": 2, "PA_2": "NOT_APPLICABLE", "PA_3": 3, "PA_4": 4, "PA_5": 5,
				  "SU_PLAN": 1, "SU_1": "NOT_APPLICABLE", "SU_2": "NOT_APPLICABLE", "SU_3": 5, "SU_4": "DONT_KNOW",
				  "SU_MISSING": 2, "MEETINGS": 3}}""";
		mvc.perform(score("PARENT_SEN", answers))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scales.WELLBEING.answered").value(5))
			.andExpect(jsonPath("$.scales.WELLBEING.valid").value(true))
			.andExpect(jsonPath("$.scales.WELLBEING.mean").value(4.0))
			.andExpect(jsonPath("$.scales.WELLBEING.score").value(75.0))
			.andExpect(jsonPath("$.scales.PARTNERSHIP.answered").value(4))
			.andExpect(jsonPath("$.scales.PARTNERSHIP.mean").value(3.5))
			.andExpect(jsonPath("$.scales.PARTNERSHIP.score").value(62.5))
			.andExpect(jsonPath("$.scales.SUPPORT.answered").value(1))
			.andExpect(jsonPath("$.scales.SUPPORT.valid").value(false))
			.andExpect(jsonPath("$.scales.SUPPORT.mean").isEmpty())
			.andExpect(jsonPath("$.scales.SUPPORT.score").isEmpty())
			.andExpect(jsonPath("$.scales.DISCRIMINATION.answered").value(0))
			.andExpect(jsonPath("$.scales.DISCRIMINATION.valid").value(false));
		// AT_3 = 1 and AT_4 = 2 reversed are 6 and 5: 6, 5, 6, 5 -> mean 5.5, score 90
		mvc.perform(score("TEACHER_EFFICACY", """
				{"answers": {"AT_1": 6, "AT_2": 5, "AT_3": 1, "AT_4": 2, "IN_1": 1, "IN_2": 1, "IN_3": 1}}"""))
			.andExpect(jsonPath("$.scales.ATTITUDES.mean").value(5.5))
			.andExpect(jsonPath("$.scales.ATTITUDES.score").value(90.0))
			.andExpect(jsonPath("$.scales.INSTRUCTION.answered").value(3))
			.andExpect(jsonPath("$.scales.INSTRUCTION.valid").value(false));
		// pupils: 3, 3, 2, 1 -> mean 2.25, score 62.5; nothing answered elsewhere
		mvc.perform(score("PUPIL_VOICE", """
				{"answers": {"BL_1": 3, "BL_2": 3, "BL_3": 2, "BL_4": 1, "HE_1": "DONT_KNOW"}}"""))
			.andExpect(jsonPath("$.scales.BELONGING.mean").value(2.25))
			.andExpect(jsonPath("$.scales.BELONGING.score").value(62.5))
			.andExpect(jsonPath("$.scales.HELP.answered").value(0))
			.andExpect(jsonPath("$.scales.HELP.valid").value(false));
	}

	/**
	 * Random answer sets on every shipped instrument, scored by the endpoint and by the
	 * rule worked out here from the published definition alone.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theEndpointEqualsTheRuleOnRandomAnswers() throws Exception {
		Random random = new Random(14);
		for (String code : InstrumentTests.SHIPPED) {
			String definition = mvc.perform(get("/api/v1/instruments/{code}/versions/1", code).with(as(Demo.ADMIN)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Map<String, Object>> items = JsonPath.read(definition, "$.sections[*].items[*]");
			List<Map<String, Object>> scales = JsonPath.read(definition, "$.scales[*]");
			for (int round = 0; round < 25; round++) {
				Map<String, Object> answers = new LinkedHashMap<>();
				for (Map<String, Object> item : items) {
					List<Map<String, Object>> options = (List<Map<String, Object>>) item.get("options");
					if (item.get("shownWhen") != null || options.isEmpty() || random.nextInt(6) == 0) {
						continue;
					}
					int pick = random.nextInt(options.size() + 2);
					if (pick == options.size() && (Boolean) item.get("dontKnowAllowed")) {
						answers.put((String) item.get("code"), "DONT_KNOW");
					}
					else if (pick == options.size() + 1 && (Boolean) item.get("notApplicableAllowed")) {
						answers.put((String) item.get("code"), "NOT_APPLICABLE");
					}
					else if (pick < options.size()) {
						answers.put((String) item.get("code"), options.get(pick).get("value"));
					}
				}
				String response = mvc.perform(score(code, JSON.writeValueAsString(Map.of("answers", answers))))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				for (Map<String, Object> scale : scales) {
					String path = "$.scales." + scale.get("code");
					Expected expected = expected(scale, answers);
					assertThat((Integer) JsonPath.read(response, path + ".answered")).as(code + " " + answers)
						.isEqualTo(expected.answered());
					assertThat((Boolean) JsonPath.read(response, path + ".valid")).isEqualTo(expected.valid());
					Number mean = JsonPath.read(response, path + ".mean");
					Number score = JsonPath.read(response, path + ".score");
					if (expected.valid()) {
						assertThat(mean.doubleValue()).isCloseTo(expected.mean(), within(1e-9));
						assertThat(score.doubleValue()).isCloseTo(expected.score(), within(1e-9));
					}
					else {
						assertThat(mean).isNull();
						assertThat(score).isNull();
					}
				}
			}
		}
	}

	record Expected(int answered, boolean valid, double mean, double score) {
	}

	@SuppressWarnings("unchecked")
	private static Expected expected(Map<String, Object> scale, Map<String, Object> answers) {
		double lowest = ((Number) scale.get("lowest")).doubleValue();
		double highest = ((Number) scale.get("highest")).doubleValue();
		List<String> reversed = (List<String>) scale.get("reversed");
		List<Double> values = new ArrayList<>();
		for (String item : (List<String>) scale.get("items")) {
			if (answers.get(item) instanceof Number value) {
				values.add(reversed.contains(item) ? lowest + highest - value.doubleValue() : value.doubleValue());
			}
		}
		if (values.size() < ((Number) scale.get("minAnswered")).intValue()) {
			return new Expected(values.size(), false, 0, 0);
		}
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		return new Expected(values.size(), true, mean, (mean - lowest) / (highest - lowest) * 100);
	}

	@Test
	void badAnswersAreRefusedWholeInTheCallersLanguage() throws Exception {
		long rows = rows();
		mvc.perform(score("PARENT_SEN", """
				{"answers": {"PA_1": 4, "NO_SUCH": 3, "PA_3": 7, "WE_1": "NOT_APPLICABLE", "PA_2": "DONT_KNOW",
				  "SU_PLAN": 0, "SU_MISSING": 1, "MEETINGS": 500, "COMMENT": 2, "PA_4": "5"}}""")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					contains("answers", "answers", "answers", "answers", "answers", "answers", "answers", "answers")))
			.andExpect(jsonPath("$.detail", containsString("the instrument has no item NO_SUCH")))
			.andExpect(jsonPath("$.detail",
					containsString("the answer to PA_3 is 7, which is not on its scale (1, 2, 3, 4, 5)")))
			.andExpect(jsonPath("$.detail", containsString("item WE_1 does not offer \"not applicable\"")))
			.andExpect(jsonPath("$.detail", containsString("item PA_2 does not offer \"don't know\"")))
			.andExpect(jsonPath("$.detail", containsString("item SU_MISSING is not asked with this answer to SU_PLAN")))
			.andExpect(jsonPath("$.detail", containsString("the answer to MEETINGS is 500, outside 0 to 100")))
			.andExpect(jsonPath("$.detail", containsString("item COMMENT takes free text")))
			.andExpect(jsonPath("$.detail",
					containsString("the answer to PA_4 must be a number, DONT_KNOW or NOT_APPLICABLE")));
		mvc.perform(score("PARENT_SEN", """
				{"answers": {"PA_1": 4, "PA_3": 0}}""").header("Accept-Language", "ru"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail",
					containsString("Ответы: ответ на PA_3 — 0, такого значения нет на его шкале")));
		mvc.perform(score("PARENT_SEN", """
				{"answers": {"GHOST": 4}}""").header("Accept-Language", "kk"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Жауаптар: құралда GHOST сұрағы жоқ.")));
		mvc.perform(score("PARENT_SEN", """
				{"answers": {"MEETINGS": 1e400}}""")).andExpect(status().isBadRequest());
		mvc.perform(score("PARENT_SEN", "{}")).andExpect(status().isBadRequest());
		mvc.perform(score("NO_SUCH", """
				{"answers": {"PA_1": 4}}""")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/instruments/PARENT_SEN/versions/2/score").with(as(Demo.SPECIALIST))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answers": {"PA_1": 4}}""")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/instruments/PARENT_SEN/versions/1/score").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answers": {"PA_1": 4}}""")).andExpect(status().isUnauthorized());
		assertThat(rows()).isEqualTo(rows);
	}

	private long rows() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM quality_instrument) + (SELECT COUNT(*) FROM quality_instrument_version)
					+ (SELECT COUNT(*) FROM quality_item) + (SELECT COUNT(*) FROM quality_option)""")
			.query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder score(String code, String body) {
		return post("/api/v1/instruments/{code}/versions/1/score", code).with(as(Demo.SPECIALIST))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

}
