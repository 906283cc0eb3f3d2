package org.barshaga.attack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

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
 * No answer depends on data outside the caller's scope. A Saryagash district officer
 * probes IINs and ids of children the Turkistan region holds in another district: every
 * answer is the one an unknown IIN or id gets, and what reaches the holding place instead
 * is an audited transfer request that it answers.
 */
@BarshagaTest
class OutOfScopeAnswerAttackTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(8700);

	private static final LocalDate BIRTH = LocalDate.of(2014, 10, 2);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registeringAnIinHeldElsewhereAnswersAsAnUnknownIinDoesUntilItBecomesARequest() throws Exception {
		String held = freshIin(BIRTH, Sex.FEMALE);
		long heldId = createdByRegionElsewhere(held, "Holder");
		String unknown = freshIin(BIRTH, Sex.FEMALE);
		List<UnaryOperator<String>> faults = List.of(body -> body.replace("\"surname\":\"Requester\",", ""),
				body -> body.replace("\"birthDate\":\"" + BIRTH + "\"", "\"birthDate\":\"" + BIRTH.plusDays(1) + "\""),
				body -> body.replace("\"sex\":\"FEMALE\"", "\"sex\":\"MALE\""),
				body -> body.replace("KZ-61-D08", "KZ-75-R01"), body -> body.replace("}", ",\"disability\":\"NONE\"}"),
				body -> body.replace("\"language\":\"KK\"", "\"language\":\"XX\""));
		for (String language : List.of("en", "ru", "kk")) {
			for (UnaryOperator<String> fault : faults) {
				MockHttpServletResponse toHeld = call(post("/api/v1/learners").header("Accept-Language", language),
						Demo.DISTRICT_SARYAGASH, fault.apply(registration(held)));
				MockHttpServletResponse toUnknown = call(post("/api/v1/learners").header("Accept-Language", language),
						Demo.DISTRICT_SARYAGASH, fault.apply(registration(unknown)));
				assertThat(toHeld.getStatus()).isEqualTo(toUnknown.getStatus()).isBetween(400, 499);
				assertThat(toHeld.getContentAsString().replace(held, "IIN"))
					.isEqualTo(toUnknown.getContentAsString().replace(unknown, "IIN"));
			}
		}
		assertThat(learnersWith(held)).isEqualTo(1);
		assertThat(learnersWith(unknown)).isZero();

		MockHttpServletResponse request = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, registration(held));
		assertThat(request.getStatus()).as(request.getContentAsString()).isEqualTo(202);
		String answer = request.getContentAsString();
		assertThat(answer).doesNotContain("Holder", "KZ-61-D01", "/KZ/", String.valueOf(heldId));
		assertThat(JsonPath.<Object>read(answer, "$.learnerId")).isNull();
		assertThat(JsonPath.<String>read(answer, "$.status")).isEqualTo("PENDING");
		assertThat(learnersWith(held)).as("no second record").isEqualTo(1);

		String holderView = call(get("/api/v1/learners/transfers"), Demo.REGION_TURKISTAN, null).getContentAsString();
		assertThat(JsonPath.<List<Object>>read(holderView, "$.held[?(@.learnerId == " + heldId + ")].status"))
			.containsExactly("PENDING");
		String audit = call(get("/api/v1/audit?subject=learner:" + heldId), Demo.ADMIN, null).getContentAsString();
		List<Map<String, Object>> entries = JsonPath.read(audit,
				"$.items[?(@.actor == '" + Demo.DISTRICT_SARYAGASH + "')]");
		assertThat(entries).as("the request is in the child's audit").isNotEmpty();
	}

	@Test
	void theHoldingPlaceAnswersAndTheRequesterLearnsNothingBeforeAcceptance() throws Exception {
		String iin = freshIin(BIRTH, Sex.MALE);
		long id = createdByRegionElsewhere(iin, "Holder");
		String before = path(id);
		long first = requestId(call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, registration(iin)));
		for (String language : List.of("en", "ru", "kk")) {
			MockHttpServletResponse holderPage = mvc
				.perform(get("/learners/transfers?lang=" + language).with(as(Demo.REGION_TURKISTAN))
					.accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(holderPage.getStatus()).isEqualTo(200);
			assertThat(holderPage.getContentAsString()).contains("/learners/transfers/" + first + "/accept",
					"/learners/" + id + "\"");
			MockHttpServletResponse requesterPage = mvc
				.perform(get("/learners/transfers?lang=" + language).with(as(Demo.DISTRICT_SARYAGASH))
					.accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(requesterPage.getStatus()).isEqualTo(200);
			assertThat(requesterPage.getContentAsString()).contains("Requester Probe")
				.doesNotContain("Holder")
				.doesNotContain("/learners/" + id + "\"");
		}
		assertThat(
				call(post("/api/v1/learners/transfers/{t}/accept", first), Demo.DISTRICT_SARYAGASH, null).getStatus())
			.as("the requester cannot answer its own request")
			.isEqualTo(404);
		assertThat(call(post("/api/v1/learners/transfers/{t}/refuse", first), Demo.REGION_TURKISTAN, null).getStatus())
			.isEqualTo(204);
		Map<String, Object> refused = requested(first);
		assertThat(refused.get("status")).isEqualTo("REFUSED");
		assertThat(refused.get("learnerId")).isNull();
		assertThat(refused.get("learnerName")).isNull();
		assertThat(path(id)).isEqualTo(before);
		assertThat(call(get("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH, null).getStatus()).isEqualTo(404);

		long second = requestId(call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, registration(iin)));
		assertThat(call(post("/api/v1/learners/transfers/{t}/accept", second), Demo.REGION_TURKISTAN, null).getStatus())
			.isEqualTo(204);
		assertThat(call(post("/api/v1/learners/transfers/{t}/accept", second), Demo.REGION_TURKISTAN, null).getStatus())
			.as("answered once")
			.isIn(404, 409);
		assertThat(path(id)).isEqualTo("/KZ/KZ-61/KZ-61-D08/");
		assertThat(call(get("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH, null).getStatus()).isEqualTo(200);
		Map<String, Object> accepted = requested(second);
		assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
		assertThat(((Number) accepted.get("learnerId")).longValue()).isEqualTo(id);
	}

	@Test
	void anIinCorrectionTowardARecordElsewhereIsRefusedAndSeenByItsHolder() throws Exception {
		String held = freshIin(BIRTH, Sex.FEMALE);
		long heldId = createdByRegionElsewhere(held, "Holder");
		String own = freshIin(BIRTH, Sex.FEMALE);
		MockHttpServletResponse created = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, registration(own));
		assertThat(created.getStatus()).isEqualTo(201);
		long ownId = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
		MockHttpServletResponse probe = call(put("/api/v1/learners/{id}", ownId), Demo.DISTRICT_SARYAGASH,
				registration(held).replace("}", ",\"version\":0}"));
		assertThat(probe.getStatus()).isEqualTo(400);
		assertThat(probe.getContentAsString()).doesNotContain(String.valueOf(heldId), "Holder", "KZ-61-D01");
		assertThat(jdbc.sql("SELECT iin FROM learner WHERE id = :id").param("id", ownId).query(String.class).single())
			.isEqualTo(own);
		String audit = call(get("/api/v1/audit?subject=learner:" + heldId), Demo.ADMIN, null).getContentAsString();
		assertThat(JsonPath.<List<Object>>read(audit, "$.items[?(@.actor == '" + Demo.DISTRICT_SARYAGASH + "')]"))
			.as("the holder's audit shows the attempt")
			.isNotEmpty();
	}

	@Test
	void aRecordOrRequestOutsideTheScopeAnswersAsOneThatDoesNotExist() throws Exception {
		long id = createdByRegionElsewhere(freshIin(BIRTH, Sex.MALE), "Holder");
		long missing = jdbc.sql("SELECT MAX(id) + 1000000 FROM learner").query(Long.class).single();
		for (String path : List.of("/api/v1/learners/%d", "/api/v1/learners/%d/guardians")) {
			MockHttpServletResponse elsewhere = call(get(path.formatted(id)), Demo.DISTRICT_SARYAGASH, null);
			MockHttpServletResponse nowhere = call(get(path.formatted(missing)), Demo.DISTRICT_SARYAGASH, null);
			assertThat(elsewhere.getStatus()).isEqualTo(nowhere.getStatus()).isEqualTo(404);
			assertThat(elsewhere.getContentAsString().replace(String.valueOf(id), "ID"))
				.isEqualTo(nowhere.getContentAsString().replace(String.valueOf(missing), "ID"));
		}
		String iin = freshIin(BIRTH, Sex.MALE);
		createdByRegionElsewhere(iin, "Holder");
		long request = requestId(call(post("/api/v1/learners"), Demo.SCHOOL, registration(iin).replace("}", """
				,"enrolment":{"grade":"2","form":"INCLUSIVE_CLASS","startedOn":"%s"}}""".formatted(LocalDate.now()))));
		MockHttpServletResponse foreign = call(post("/api/v1/learners/transfers/{t}/refuse", request),
				Demo.DISTRICT_SARYAGASH, null);
		MockHttpServletResponse absent = call(post("/api/v1/learners/transfers/{t}/refuse", request + 1000000),
				Demo.DISTRICT_SARYAGASH, null);
		assertThat(foreign.getStatus()).isEqualTo(absent.getStatus()).isEqualTo(404);
	}

	// Helpers

	private long createdByRegionElsewhere(String iin, String surname) throws Exception {
		MockHttpServletResponse response = call(post("/api/v1/learners"), Demo.REGION_TURKISTAN,
				registration(iin).replace("Requester", surname).replace("KZ-61-D08", "KZ-61-D01"));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private static String registration(String iin) {
		return """
				{"iin":"%s","surname":"Requester","givenName":"Probe","birthDate":"%s","sex":"%s","citizenship":"KZ",\
				"language":"KK","homeUnitCode":"KZ-61-D08"}""".formatted(iin, Iin.birthDate(iin), Iin.sex(iin));
	}

	private long requestId(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private Map<String, Object> requested(long request) throws Exception {
		String list = call(get("/api/v1/learners/transfers"), Demo.DISTRICT_SARYAGASH, null).getContentAsString();
		List<Map<String, Object>> found = JsonPath.read(list, "$.requested[?(@.id == " + request + ")]");
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private long learnersWith(String iin) {
		return jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin").param("iin", iin).query(Long.class).single();
	}

	private String path(long id) {
		return jdbc.sql("SELECT path FROM learner WHERE id = :id").param("id", id).query(String.class).single();
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
