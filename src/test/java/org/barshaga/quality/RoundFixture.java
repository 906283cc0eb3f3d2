package org.barshaga.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.Demo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rounds, codes and responses made over HTTP as a region and a school would. */
final class RoundFixture {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The demo district: its schools are in the demo coordinator's and district's scope.
	 */
	static final String DISTRICT = "KZ-61-D08";

	static final String SCHOOL = "KZ-61-D08-S001";

	private final MockMvc mvc;

	RoundFixture(MockMvc mvc) {
		this.mvc = mvc;
	}

	long open(String instrument, String unit, List<Integer> grades) throws Exception {
		String body = JSON.writeValueAsString(Map.of("instrument", instrument, "version", 1, "unit", unit, "grades",
				grades, "opensOn", LocalDate.now().toString(), "closesOn", LocalDate.now().plusDays(30).toString()));
		String created = mvc
			.perform(post("/api/v1/rounds").with(as(Demo.REGION_TURKISTAN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	List<String> codes(long round, String school, int count) throws Exception {
		String answer = mvc
			.perform(post("/api/v1/rounds/" + round + "/schools/" + school + "/codes").with(as(Demo.SCHOOL))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"count\": " + count + "}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(answer, "$.codes");
	}

	/** One class code for a class of {@code size} pupils, as the school hands it out. */
	String classCode(long round, String school, int size) throws Exception {
		String answer = mvc
			.perform(post("/api/v1/rounds/" + round + "/schools/" + school + "/codes").with(as(Demo.SCHOOL))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"classSize\": " + size + "}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.<List<String>>read(answer, "$.codes").get(0);
	}

	int expected(long round, String school) throws Exception {
		String answer = mvc.perform(get("/api/v1/rounds/" + round).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> found = JsonPath.read(answer, "$.schools[?(@.code == '" + school + "')].expected");
		return found.get(0);
	}

	void submit(String code, Map<String, Object> answers) throws Exception {
		mvc.perform(post("/api/v1/survey/responses").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("code", code, "answers", answers))))
			.andExpect(status().isCreated());
	}

	/** A parent's answers with every partnership item at {@code value} (1 to 5). */
	static Map<String, Object> partnership(int value) {
		return Map.of("PA_1", value, "PA_2", value, "PA_3", value, "PA_4", value, "PA_5", value);
	}

}
