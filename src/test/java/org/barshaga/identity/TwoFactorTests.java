package org.barshaga.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class TwoFactorTests {

	private static final String PASSWORD = "Right-Password-2026";

	private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-7]{5}-[a-z2-7]{5})</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TwoFactorRequirement requirement;

	@Test
	void anEnrolledAccountSignsInWithAComputedCodeAndReachesNothingBefore() throws Exception {
		String username = createUser(Role.SPECIALIST);
		Enrolment enrolment = enrol(username);

		SessionCookie session = passwordOnly(username, "10.2.0.1", "/login/two-factor");
		session.perform(get("/learners")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/account")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/account/two-factor")).andExpect(redirectedUrl("/login/two-factor"));
		session.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
		session.perform(get("/login/two-factor"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("autocomplete=\"one-time-code\"")));

		giveCode(session, enrolment.nextCode(), "10.2.0.1").andExpect(redirectedUrl("/"));
		session.perform(get("/account")).andExpect(status().isOk());
		assertThat(audited(username, "LOGIN_SUCCESS", "second factor from%")).isEqualTo(1);
	}

	@Test
	void aWrongCodeIsRefusedAuditedAndCountedByTheThrottle() throws Exception {
		String username = createUser(Role.SPECIALIST);
		Enrolment enrolment = enrol(username);
		SessionCookie session = passwordOnly(username, "10.2.0.2", "/login/two-factor");
		String wrong = enrolment.wrongCode();
		for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
			giveCode(session, wrong, "10.2.0.2").andExpect(status().isUnprocessableContent());
		}
		assertThat(audited(username, "LOGIN_FAILURE", "second factor refused: wrong code%")).isEqualTo(5);
		giveCode(session, enrolment.nextCode(), "10.2.0.2").andExpect(status().isTooManyRequests());
		session.perform(get("/")).andExpect(redirectedUrl("/login/two-factor"));
		// The brake holds this address only: the right code from elsewhere goes through.
		giveCode(session, enrolment.nextCode(), "10.2.0.3").andExpect(redirectedUrl("/"));
	}

	@Test
	void aCodeIsTakenOnceInItsStep() throws Exception {
		String username = createUser(Role.SPECIALIST);
		Enrolment enrolment = enrol(username);
		SessionCookie first = passwordOnly(username, "10.2.0.4", "/login/two-factor");
		giveCode(first, enrolment.confirmedWith, "10.2.0.4").andExpect(status().isUnprocessableContent());
		giveCode(first, enrolment.nextCode(), "10.2.0.4").andExpect(redirectedUrl("/"));

		SessionCookie second = passwordOnly(username, "10.2.0.4", "/login/two-factor");
		giveCode(second, enrolment.nextCode(), "10.2.0.4").andExpect(status().isUnprocessableContent());
		assertThat(audited(username, "LOGIN_FAILURE", "second factor refused: code already used%")).isEqualTo(2);
	}

	@Test
	void aRecoveryCodeWorksOnceAndTheCodesAreShownOnce() throws Exception {
		String username = createUser(Role.SPECIALIST);
		Enrolment enrolment = enrol(username);
		assertThat(enrolment.recoveryCodes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
		enrolment.session.perform(get("/account/two-factor"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(enrolment.recoveryCodes.get(0)))))
			.andExpect(content().string(not(containsString("two-factor-secret"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM two_factor_recovery WHERE code_hash = :code")
			.param("code", enrolment.recoveryCodes.get(0))
			.query(Integer.class)
			.single()).isZero();

		String recovery = enrolment.recoveryCodes.get(0);
		SessionCookie first = passwordOnly(username, "10.2.0.5", "/login/two-factor");
		giveCode(first, " " + recovery.toUpperCase() + " ", "10.2.0.5").andExpect(redirectedUrl("/"));
		SessionCookie second = passwordOnly(username, "10.2.0.5", "/login/two-factor");
		giveCode(second, recovery, "10.2.0.5").andExpect(status().isUnprocessableContent());
		giveCode(second, enrolment.recoveryCodes.get(1).replace("-", ""), "10.2.0.5").andExpect(redirectedUrl("/"));
		second.perform(get("/account/two-factor"))
			.andExpect(content().string(containsString(": " + (SecondFactors.RECOVERY_CODES - 2))));
	}

	@Test
	void anAdministratorResetsASecondFactorAndTheResetIsAudited() throws Exception {
		String username = createUser(Role.SPECIALIST);
		enrol(username);
		long id = userId(username);
		mvc.perform(get("/users/" + id).with(as(ADMIN)))
			.andExpect(content().string(containsString("/users/" + id + "/two-factor/reset")));
		mvc.perform(post("/users/" + id + "/two-factor/reset").with(csrf()).with(as(DISTRICT_SARYAGASH)))
			.andExpect(status().isForbidden());
		assertThat(enrolled(id)).isTrue();

		mvc.perform(post("/users/" + id + "/two-factor/reset").with(csrf()).with(as(ADMIN)))
			.andExpect(redirectedUrl("/users/" + id));
		assertThat(enrolled(id)).isFalse();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = :admin AND action = 'UPDATE' AND record_id = :id
				AND detail = 'two-factor reset'""")
			.param("admin", ADMIN)
			.param("id", String.valueOf(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
		passwordOnly(username, "10.2.0.6", "/");
		enrol(username);
	}

	@Test
	void creatingATokenNeedsARecentSecondFactorAndBasicNeedsMoreThanThePassword() throws Exception {
		String username = createUser(Role.SPECIALIST);
		Enrolment enrolment = enrol(username);
		SessionCookie session = enrolment.session;
		session.perform(post("/account/tokens").with(csrf()).param("name", "fresh").param("days", "5"))
			.andExpect(redirectedUrl("/account"));

		session.setAttribute(TwoFactorGate.GIVEN_AT, Instant.now().minus(SecondFactors.RECENT).minusSeconds(60));
		session.perform(post("/account/tokens").with(csrf()).param("name", "stale").param("days", "5"))
			.andExpect(status().isUnprocessableContent());
		session
			.perform(post("/account/tokens").with(csrf())
				.param("name", "stale")
				.param("days", "5")
				.param("code", enrolment.wrongCode()))
			.andExpect(status().isUnprocessableContent());
		MvcResult created = session
			.perform(post("/account/tokens").with(csrf())
				.param("name", "recovered")
				.param("days", "5")
				.param("code", enrolment.recoveryCodes.get(0)))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		String token = (String) created.getFlashMap().get("newToken");
		assertThat(jdbc.sql("SELECT name FROM access_token WHERE user_id = :id ORDER BY id")
			.param("id", userId(username))
			.query(String.class)
			.list()).containsExactly("fresh", "recovered");

		mvc.perform(get("/api/v1/tokens").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		String request = "{\"name\":\"by api\",\"days\":5%s}";
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request.formatted(""))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request.formatted(",\"code\":\"" + enrolment.recoveryCodes.get(1) + "\"")))
			.andExpect(status().isCreated());
	}

	@Test
	void rolesThatSeeChildrenMustEnrolBeforeAnythingElseWhenEnforced() throws Exception {
		assertThat(List.of(Role.values()).stream().filter(TwoFactorRequirement::requiredByDefault))
			.containsExactlyInAnyOrder(Role.ADMIN, Role.MINISTRY, Role.REGION_OFFICER, Role.DISTRICT_OFFICER,
					Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST, Role.SPECIALIST);
		String specialist = createUser(Role.SPECIALIST);
		String researcher = createUser(Role.RESEARCHER);
		boolean before = requirement.enforced();
		requirement.enforce(true);
		try {
			SessionCookie session = passwordOnly(specialist, "10.2.0.7", "/account/two-factor");
			session.perform(get("/learners")).andExpect(redirectedUrl("/account/two-factor"));
			session.perform(get("/login/two-factor")).andExpect(redirectedUrl("/account/two-factor"));
			session.perform(get("/account/two-factor"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("two-factor-secret")));
			confirm(session);
			session.perform(get("/learners")).andExpect(status().isOk());

			passwordOnly(researcher, "10.2.0.7", "/");
		}
		finally {
			requirement.enforce(before);
		}
		try {
			// The demo administrator has no second factor: the choice is made with
			// enforcement off.
			mvc.perform(get("/admin/two-factor").with(as(ADMIN))).andExpect(status().isOk());
			mvc.perform(get("/admin/two-factor").with(as(DISTRICT_SARYAGASH))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/two-factor").with(csrf()).with(as(ADMIN)).param("required", "RESEARCHER", "ADMIN"))
				.andExpect(redirectedUrl("/admin/two-factor"));
			assertThat(requirement.choices()).containsEntry(Role.RESEARCHER, true)
				.containsEntry(Role.SPECIALIST, false);
			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :admin AND record_type = 'two_factor_role'")
				.param("admin", ADMIN)
				.query(Integer.class)
				.single()).isPositive();
			requirement.enforce(true);
			passwordOnly(researcher, "10.2.0.7", "/account/two-factor");
			passwordOnly(createUser(Role.SPECIALIST), "10.2.0.7", "/");
		}
		finally {
			requirement.enforce(before);
			jdbc.sql("DELETE FROM two_factor_role").update();
		}
	}

	/** An account enrolled through its pages, with the session that enrolled it. */
	private final class Enrolment {

		final String secret;

		final String confirmedWith;

		final long confirmedStep;

		final List<String> recoveryCodes;

		final SessionCookie session;

		Enrolment(String secret, String confirmedWith, long confirmedStep, List<String> recoveryCodes,
				SessionCookie session) {
			this.secret = secret;
			this.confirmedWith = confirmedWith;
			this.confirmedStep = confirmedStep;
			this.recoveryCodes = recoveryCodes;
			this.session = session;
		}

		/**
		 * The code of the step after the one enrolment used: accepted once for clock
		 * drift.
		 */
		String nextCode() {
			return Totp.code(secret, confirmedStep + 1);
		}

		String wrongCode() {
			long now = Totp.step(Instant.now().getEpochSecond());
			List<String> valid = new ArrayList<>();
			for (long step = now - 2; step <= now + 2; step++) {
				valid.add(Totp.code(secret, step));
			}
			for (int candidate = 0;; candidate++) {
				String code = String.format("%06d", candidate);
				if (!valid.contains(code)) {
					return code;
				}
			}
		}

	}

	private Enrolment enrol(String username) throws Exception {
		SessionCookie session = passwordOnly(username, "10.2.1.1", null);
		return confirm(session);
	}

	private Enrolment confirm(SessionCookie session) throws Exception {
		String page = session.perform(get("/account/two-factor"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("otpauth://totp/Barshaga:")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secretShown = SECRET.matcher(page);
		assertThat(secretShown.find()).isTrue();
		String secret = secretShown.group(1).replace(" ", "");
		session.perform(post("/account/two-factor/confirm").with(csrf()).param("code", "12345x"))
			.andExpect(status().isUnprocessableContent());
		long step = Totp.step(Instant.now().getEpochSecond());
		String code = Totp.code(secret, step);
		session.perform(post("/account/two-factor/confirm").with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/account/two-factor"));
		String shown = session.perform(get("/account/two-factor"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = new ArrayList<>();
		Matcher recovery = RECOVERY.matcher(shown);
		while (recovery.find()) {
			codes.add(recovery.group(1));
		}
		return new Enrolment(secret, code, step, codes, session);
	}

	/**
	 * Signs in with the password and checks where the sign-in leads (not at all when
	 * null).
	 */
	private SessionCookie passwordOnly(String username, String address, String leadsTo) throws Exception {
		SessionCookie session = new SessionCookie(mvc);
		var result = session.perform(post("/login").with(csrf())
			.with(fromAddress(address))
			.param("username", username)
			.param("password", PASSWORD));
		if (leadsTo != null) {
			result.andExpect(redirectedUrl(leadsTo));
		}
		return session;
	}

	private org.springframework.test.web.servlet.ResultActions giveCode(SessionCookie session, String code,
			String address) throws Exception {
		return session.perform(post("/login/two-factor").with(csrf()).with(fromAddress(address)).param("code", code));
	}

	private String createUser(Role role) throws Exception {
		String username = "totp." + UUID.randomUUID().toString().substring(0, 8);
		String created = mvc
			.perform(post("/api/v1/users").with(as(DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"%s","fullName":"Two Factor","role":"%s","scope":"%s",
						 "password":"%s"}
						""".formatted(username, role.name(), role == Role.RESEARCHER ? "KZ-61-D08" : "KZ-61-D08-S001",
						PASSWORD)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(created, "$.username")).isEqualTo(username);
		return username;
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :name")
			.param("name", username)
			.query(Long.class)
			.single();
	}

	private boolean enrolled(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE user_id = :id AND confirmed_at IS NOT NULL")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	private int audited(String username, String action, String detail) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :name AND action = :action AND detail LIKE :detail")
			.param("name", username)
			.param("action", action)
			.param("detail", detail)
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor fromAddress(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
