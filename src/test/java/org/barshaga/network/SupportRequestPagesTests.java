package org.barshaga.network;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.learner.SenCategory;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests for help through the pages: the coordinator of the demo school asks the PMPC
 * of its region, the PMPC's specialist answers step by step, and the school confirms.
 * Each step is tried by the wrong side, in the wrong state and at a stale version; the
 * child is named only with the consent to sharing; and the requests stay in scope.
 */
@BarshagaTest
class SupportRequestPagesTests {

	static final String SCHOOL = "KZ-61-D08-S001";

	static final String SCHOOL_PATH = "/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/";

	/** A coordinator of another school of the same district, made by this test. */
	static final String OTHER_COORDINATOR = "support.test.other";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupportRequests requests;

	String pmpc;

	@BeforeEach
	void accounts() {
		pmpc = jdbc.sql("""
				SELECT o.code FROM app_user u JOIN organisation o ON o.id = u.scope_organisation_id
				WHERE u.username = 'pmpc.turkistan'""").query(String.class).single();
		if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
			.param("u", OTHER_COORDINATOR)
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("""
					INSERT INTO app_user (username, full_name, password_hash, role, scope_organisation_id, scope_path,
						enabled, created_at, created_by, updated_at, updated_by, version)
					SELECT :u, 'Other Coordinator', d.password_hash, 'SCHOOL_COORDINATOR', o.id, o.path, TRUE,
						CURRENT_TIMESTAMP, 'support-test', CURRENT_TIMESTAMP, 'support-test', 0
					FROM app_user d, organisation o WHERE d.username = 'school.demo' AND o.code = 'KZ-61-D08-S002'""")
				.param("u", OTHER_COORDINATOR)
				.update();
		}
	}

	@Test
	void aCoordinatorAsksThePmpcWhichAnswersAndTheSchoolConfirms() throws Exception {
		page(Demo.SCHOOL, get("/support/new?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"" + pmpc + "\""),
					containsString("Adapting the curriculum"), containsString("Autism spectrum disorder"))));
		String outside = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE type = 'RESOURCE_CENTRE' AND path LIKE '/KZ/KZ-75/%'")
			.query(String.class)
			.single();
		form(Demo.SCHOOL, post("/support?lang=ru").param("centre", outside).param("urgency", "URGENT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("вашей области"), containsString("выберите хотя бы одну"),
					containsString("Тема: обязательное поле"))));
		assertThat(requestsOf("Pages test: a child hits others")).isZero();
		long id = submit("Pages test: a child hits others", null);
		assertThat(requestsOf("Pages test: a child hits others")).isOne();
		page(Demo.SCHOOL, get("/support?lang=en")).andExpect(content().string(containsString("Request No. " + id)));
		page(Demo.PMPC, get("/support?lang=en")).andExpect(content().string(containsString("Request No. " + id)));

		// the school cannot answer its own request; the centre answers at the version it
		// saw
		form(Demo.SCHOOL, step(id, "accept", 0)).andExpect(status().isForbidden());
		form(Demo.PMPC,
				step(id, "schedule", 0).param("consultationMode", "VISIT")
					.param("consultationOn", LocalDate.now().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("this step is not possible now: the request is")));
		form(Demo.PMPC, step(id, "accept", 0)).andExpect(status().is3xxRedirection());
		form(Demo.PMPC, step(id, "accept", 0)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else changed this record")));
		form(Demo.PMPC, step(id, "schedule", 1).param("consultationOn", "2001-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(allOf(containsString("How the consultation takes place: this field is required"),
							containsString("on or after the request"))));
		form(Demo.PMPC, step(id, "schedule", 1).param("consultationMode", "VISIT")
			.param("consultationOn", LocalDate.now().toString())).andExpect(status().is3xxRedirection());
		form(Demo.PMPC,
				step(id, "close", 2).param("outcome", "Observed the class, agreed a visual timetable")
					.param("followUp", "Visit again"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("give the date of the follow-up agreed")));
		form(Demo.PMPC,
				step(id, "close", 2).param("outcome", "Observed the class, agreed a visual timetable")
					.param("followUp", "Visit again")
					.param("followUpOn", LocalDate.now().plusDays(3).toString()))
			.andExpect(status().is3xxRedirection());
		page(Demo.PMPC, get("/support?lang=en"))
			.andExpect(content().string(containsString("/support/requests/" + id + "\"")));

		// the school confirms; the centre cannot confirm for it
		form(Demo.PMPC, step(id, "confirm", 3)).andExpect(status().isForbidden());
		form(Demo.SCHOOL, step(id, "confirm", 3)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Did the consultation help?: this field is required")));
		form(Demo.SCHOOL,
				step(id, "confirm", 3).param("helped", "true").param("confirmationNote", "The timetable works"))
			.andExpect(status().is3xxRedirection());
		form(Demo.PMPC, step(id, "follow-up", 4)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT status, helped, follow_up_done_by, version FROM support_request WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3) + " " + rs.getInt(4))
			.single()).isEqualTo("CONFIRMED true pmpc.turkistan 5");
		assertThat(jdbc.sql("""
				SELECT action, actor FROM audit_event WHERE record_type = 'support_request' AND record_id = :id
				ORDER BY id""")
			.param("id", String.valueOf(id))
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("CREATE school.demo", "UPDATE pmpc.turkistan", "UPDATE pmpc.turkistan",
					"UPDATE pmpc.turkistan", "UPDATE school.demo", "UPDATE pmpc.turkistan");
		page(Demo.SCHOOL, get("/support/requests/" + id + "?lang=kk")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Мектеп растады"), containsString("Иә, көмектесті"))));
	}

	@Test
	void aChildIsNamedOnlyWithTheConsentToSharingAndEveryShowingIsAudited() throws Exception {
		String withoutConsent = learnerIin(false);
		form(Demo.SCHOOL,
				request("Pages test: without consent").param("learnerIin", withoutConsent).param("lang", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("has not consented to sharing")));
		assertThat(requestsOf("Pages test: without consent")).isZero();
		form(Demo.SCHOOL, request("Pages test: unknown child").param("learnerIin", "12345").param("lang", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("an IIN has exactly 12 digits")));

		String withConsent = learnerIin(true);
		long learner = jdbc.sql("SELECT id FROM learner WHERE iin = :iin")
			.param("iin", withConsent)
			.query(Long.class)
			.single();
		String name = jdbc.sql("SELECT surname FROM learner WHERE id = :id")
			.param("id", learner)
			.query(String.class)
			.single();
		long id = submit("Pages test: with consent", withConsent);
		long reads = reads(learner, id);
		page(Demo.PMPC, get("/support/requests/" + id + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		assertThat(reads(learner, id)).isEqualTo(reads + 1);
		page(Demo.REGION_TURKISTAN, get("/support/requests/" + id + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("only the school and the centre see the name"), not(containsString(name)))));
		assertThat(reads(learner, id)).isEqualTo(reads + 1);
	}

	@Test
	void aWithdrawnConsentHidesTheChildFromTheRequestAndRefusesNewOnes() throws Exception {
		String iin = unusedIin(LocalDate.of(2016, 3, 14), Sex.FEMALE);
		String record = form(Demo.SCHOOL,
				post("/learners").param("iin", iin)
					.param("surname", "Сұраубаева")
					.param("givenName", "Аружан")
					.param("birthDate", "2016-03-14")
					.param("sex", "FEMALE")
					.param("citizenship", "KZ")
					.param("language", "KK")
					.param("disability", "NONE")
					.param("homeUnitCode", "KZ-61-D08")
					.param("grade", "4")
					.param("form", "INCLUSIVE_CLASS")
					.param("startedOn", LocalDate.now().minusDays(30).toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		form(Demo.SCHOOL, post(record + "/consents").param("purpose", "SHARING_WITH_SCHOOL")
			.param("givenOn", LocalDate.now().minusDays(10).toString())).andExpect(status().is3xxRedirection());
		long id = submit("Pages test: consent withdrawn later", iin);
		page(Demo.PMPC, get("/support/requests/" + id + "?lang=en"))
			.andExpect(content().string(containsString("Сұраубаева Аружан")));
		long consent = jdbc.sql("SELECT k.id FROM consent k JOIN learner l ON l.id = k.learner_id WHERE l.iin = :iin")
			.param("iin", iin)
			.query(Long.class)
			.single();
		form(Demo.SCHOOL,
				post(record + "/consents/" + consent + "/withdrawal").param("withdrawnOn", LocalDate.now().toString()))
			.andExpect(status().is3xxRedirection());
		page(Demo.PMPC, get("/support/requests/" + id + "?lang=en")).andExpect(content()
			.string(allOf(containsString("withdrawn the consent to sharing"), not(containsString("Сұраубаева")))));
		form(Demo.SCHOOL, request("Pages test: after the withdrawal").param("learnerIin", iin).param("lang", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("has not consented to sharing")));
	}

	@Test
	void requestsStayInTheScopeOfEachSide() throws Exception {
		long id = submit("Pages test: scope", null);
		page(OTHER_COORDINATOR, get("/support/requests/" + id)).andExpect(status().isNotFound());
		page(OTHER_COORDINATOR, get("/support?lang=en"))
			.andExpect(content().string(not(containsString("/support/requests/" + id + "\""))));
		form(OTHER_COORDINATOR, step(id, "accept", 0)).andExpect(status().isNotFound());
		page(Demo.REGION_TURKISTAN, get("/support/requests/" + id)).andExpect(status().isOk());
		form(Demo.REGION_TURKISTAN, step(id, "accept", 0)).andExpect(status().isForbidden());
		page(Demo.DISTRICT_SARYAGASH, get("/support?lang=en"))
			.andExpect(content().string(containsString("/support/requests/" + id + "\"")));
		page(Demo.RESEARCHER, get("/support")).andExpect(status().isForbidden());
		page(Demo.REGION_TURKISTAN, get("/support/new")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT status FROM support_request WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	@Test
	void theMenuAndTheHomePageOfferTheNetworkToEveryoneButResearchers() throws Exception {
		for (String user : List.of(Demo.SCHOOL, Demo.PMPC, Demo.SPECIALIST, Demo.DISTRICT_SARYAGASH)) {
			page(user, get("/?lang=en")).andExpect(content().string(containsString("href=\"/support\"")));
		}
		long waiting = jdbc.sql("""
				SELECT COUNT(*) FROM support_request r JOIN app_user u ON u.scope_path = r.centre_path
				WHERE u.username = 'pmpc.turkistan' AND r.status IN ('SUBMITTED', 'ACCEPTED', 'SCHEDULED')""")
			.query(Long.class)
			.single();
		assertThat(waiting).isPositive();
		Document home = Jsoup.parse(
				page(Demo.PMPC, get("/?lang=en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(home.select("#support-title").text()).isEqualTo("Support network");
		assertThat(home.select("a[href=/support#waiting-heading]").parents().select("tr").first().select("td").text())
			.isEqualTo(String.valueOf(waiting));
		page(Demo.RESEARCHER, get("/?lang=en")).andExpect(content().string(not(containsString("href=\"/support\""))));
	}

	@Test
	void ofTwoConcurrentAcceptsExactlyOneWins() throws Exception {
		long id = submit("Pages test: concurrent", null);
		Actor centre = jdbc.sql("SELECT id, scope_path FROM app_user WHERE username = 'pmpc.turkistan'")
			.query((rs, n) -> new Actor(rs.getLong(1), "pmpc.turkistan", "PMPC", Role.PMPC_SPECIALIST,
					new DataScope(rs.getString(2))))
			.single();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<String> accept = () -> {
				try {
					requests.accept(centre, id, 0);
					return "won";
				}
				catch (EditConflictException conflict) {
					return "conflict";
				}
			};
			List<Future<String>> results = threads.invokeAll(List.of(accept, accept));
			assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder("won",
					"conflict");
		}
		finally {
			threads.shutdown();
		}
		assertThat(jdbc.sql("SELECT version FROM support_request WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isOne();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'support_request'"
					+ " AND record_id = :id AND action = 'UPDATE'")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isOne();
	}

	private long submit(String description, String learnerIin) throws Exception {
		MockHttpServletRequestBuilder request = request(description);
		if (learnerIin != null) {
			request.param("learnerIin", learnerIin);
		}
		form(Demo.SCHOOL, request).andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT MAX(id) FROM support_request WHERE description = :d")
			.param("d", description)
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder request(String description) {
		return post("/support").param("centre", pmpc)
			.param("topic", "CHILD_BEHAVIOUR")
			.param("categories", SenCategory.AUTISM.name(), SenCategory.SPEECH.name())
			.param("urgency", "SOON")
			.param("description", description);
	}

	private MockHttpServletRequestBuilder step(long id, String step, int version) {
		return post("/support/requests/" + id + "/" + step + "?lang=en").param("version", String.valueOf(version));
	}

	/**
	 * A learner of the demo school with an IIN, with or without the consent to sharing in
	 * force.
	 */
	private String learnerIin(boolean consent) {
		return jdbc
			.sql("""
					SELECT MIN(l.iin) FROM learner l WHERE l.path LIKE :path AND l.iin IS NOT NULL
					AND %s EXISTS (SELECT 1 FROM consent k WHERE k.learner_id = l.id AND k.purpose = 'SHARING_WITH_SCHOOL'
						AND k.given_on <= CURRENT_DATE AND (k.withdrawn_on IS NULL OR k.withdrawn_on > CURRENT_DATE))"""
				.formatted(consent ? "" : "NOT"))
			.param("path", SCHOOL_PATH + "%")
			.query(String.class)
			.single();
	}

	private String unusedIin(LocalDate birth, Sex sex) {
		for (int serial = 8400;; serial++) {
			String iin = Iin.of(birth, sex, serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
				.param("iin", iin)
				.query(Long.class)
				.single() == 0) {
				return iin;
			}
		}
	}

	private long reads(long learner, long request) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE record_type = 'learner' AND record_id = :learner
				AND action = 'READ' AND detail LIKE :detail""")
			.param("learner", String.valueOf(learner))
			.param("detail", "support request " + request + ":%")
			.query(Long.class)
			.single();
	}

	private long requestsOf(String description) {
		return jdbc.sql("SELECT COUNT(*) FROM support_request WHERE description = :d")
			.param("d", description)
			.query(Long.class)
			.single();
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

}
