package org.barshaga.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Responses with a code and with an account: spent codes, paused and resumed responses,
 * foreign codes, closed rounds, and refusals that keep nothing.
 */
@BarshagaTest
class ResponsesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResponseIsStoredWithItsScoresAndNoTraceOfTheCodeWhichIsThenSpent() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String code = rounds.codes(round, RoundFixture.SCHOOL, 1).get(0);
		Map<String, Object> answers = new HashMap<>(RoundFixture.partnership(4));
		answers.put("SU_PLAN", 1);
		answers.put("SU_MISSING", List.of(1, 2));
		answers.put("COMMENT", "Teacher Aigerim helps a lot");
		rounds.submit(code, answers);
		long response = jdbc.sql("SELECT id FROM quality_response WHERE round_id = :round")
			.param("round", round)
			.query(Long.class)
			.single();
		assertThat(jdbc
			.sql("SELECT score FROM quality_response_scale WHERE response_id = :id AND scale_code = 'PARTNERSHIP'")
			.param("id", response)
			.query(Double.class)
			.single()).isEqualTo(75.0);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM quality_response_answer WHERE response_id = :id AND item_code = 'SU_MISSING'")
			.param("id", response)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT used FROM quality_code WHERE round_id = :round")
			.param("round", round)
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(survey("/responses", code, round, answers))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("already been used")));
		mvc.perform(post("/api/v1/survey/open").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + code + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("already been used")));
	}

	@Test
	void aPupilAnsweringOnThePagesMaySayWhetherTheyGetHelpForSenAndParentsAreNotAsked() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PUPIL_VOICE", RoundFixture.DISTRICT, List.of(6));
		String classCode = rounds.classCode(round, RoundFixture.SCHOOL, 3);
		for (String said : List.of("yes", "no", "")) {
			SessionCookie browser = new SessionCookie(mvc);
			browser.perform(post("/survey").with(csrf()).param("code", classCode))
				.andExpect(status().is3xxRedirection());
			for (int n = 0; n < 12; n++) {
				browser
					.perform(post("/survey/question").with(csrf()).param("n", String.valueOf(n)).param("answer", "2"))
					.andExpect(status().is3xxRedirection());
			}
			browser.perform(get("/survey/review").param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("I would rather not say")));
			browser.perform(post("/survey/submit").with(csrf()).param("sen", said))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.sql("SELECT sen FROM quality_response WHERE round_id = :round ORDER BY id")
			.param("round", round)
			.query((rs, row) -> {
				boolean sen = rs.getBoolean(1);
				return rs.wasNull() ? "unsaid" : String.valueOf(sen);
			})
			.list()).containsExactly("true", "false", "unsaid");
		long parents = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		SessionCookie parent = new SessionCookie(mvc);
		parent.perform(post("/survey").with(csrf()).param("code", rounds.codes(parents, RoundFixture.SCHOOL, 1).get(0)))
			.andExpect(status().is3xxRedirection());
		parent.perform(get("/survey/review").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("I would rather not say"))));
	}

	@Test
	void aPausedResponseIsResumedWithTheSameCodeAndItsDraftGoesWhenSubmitted() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String code = rounds.codes(round, RoundFixture.SCHOOL, 1).get(0);
		mvc.perform(put("/api/v1/survey/draft").contentType(MediaType.APPLICATION_JSON)
			.content(RoundFixture.JSON.writeValueAsString(
					Map.of("code", code.toLowerCase(), "answers", Map.of("PA_1", 5, "PA_2", "NOT_APPLICABLE")))))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/survey/open").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + code.replace("-", " ") + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instrument").value("PARENT_SEN"))
			.andExpect(jsonPath("$.kind").value("PERSONAL"))
			.andExpect(jsonPath("$.draft.PA_1").value(5))
			.andExpect(jsonPath("$.draft.PA_2").value("NOT_APPLICABLE"));
		rounds.submit(code, RoundFixture.partnership(5));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_code WHERE round_id = :round AND draft IS NOT NULL")
			.param("round", round)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(put("/api/v1/survey/draft").contentType(MediaType.APPLICATION_JSON)
			.content(RoundFixture.JSON.writeValueAsString(Map.of("code", code, "answers", Map.of("PA_1", 1)))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void badAnswersForeignCodesAndClosedRoundsAreRefusedWithNothingKept() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		long other = rounds.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String code = rounds.codes(round, RoundFixture.SCHOOL, 1).get(0);
		Map<String, Object> bad = new HashMap<>(RoundFixture.partnership(4));
		bad.put("PA_1", 9);
		bad.put("NO_SUCH_ITEM", 1);
		mvc.perform(survey("/responses", code, null, bad))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.detail", containsString("NO_SUCH_ITEM")))
			.andExpect(jsonPath("$.detail", containsString("PA_1")));
		mvc.perform(survey("/responses", code, other, RoundFixture.partnership(4)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("belongs to another survey")));
		mvc.perform(survey("/responses", "AAAA-BBBB-CCCC", null, RoundFixture.partnership(4)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("no such code")));
		jdbc.sql("UPDATE quality_round SET opens_on = :opens, closes_on = :closes WHERE id = :round")
			.param("opens", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(40)))
			.param("closes", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(10)))
			.param("round", round)
			.update();
		mvc.perform(survey("/responses", code, null, RoundFixture.partnership(4)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("The round closed on")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_response WHERE round_id = :round")
			.param("round", round)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT used FROM quality_code WHERE round_id = :round")
			.param("round", round)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aTeacherAnswersOnceWithTheirAccountAndTheResponseDoesNotNameThem() throws Exception {
		RoundFixture rounds = new RoundFixture(mvc);
		long round = rounds.open("TEACHER_EFFICACY", RoundFixture.DISTRICT, List.of());
		String body = "{\"answers\": {\"IN_1\": 5, \"IN_2\": 6, \"IN_3\": 4, \"IN_4\": 5}}";
		mvc.perform(post("/api/v1/rounds/" + round + "/responses").with(as(Demo.SCHOOL))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/rounds/" + round + "/responses").with(as(Demo.SCHOOL))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("already answered")));
		mvc.perform(post("/api/v1/rounds/" + round + "/responses").with(as(Demo.DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_response WHERE round_id = :round")
			.param("round", round)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static MockHttpServletRequestBuilder survey(String path, String code, Long round,
			Map<String, Object> answers) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("round", round);
		body.put("answers", answers);
		return post("/api/v1/survey" + path).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(RoundFixture.JSON.writeValueAsString(body));
	}

}
