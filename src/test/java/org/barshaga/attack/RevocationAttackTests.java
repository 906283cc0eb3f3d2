package org.barshaga.attack;

import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.REGION_TURKISTAN;
import static org.barshaga.support.Demo.as;
import static org.barshaga.support.Demo.basic;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every request sees the account as it is now, and the brakes on guessing never turn
 * against the account's owner: disabling, moving or changing the password of an account
 * takes effect on its open sessions and tokens at once, wrong current passwords are
 * braked, nobody can lock anyone out, and the answers are the same for names that exist
 * and names that do not.
 */
@BarshagaTest
class RevocationAttackTests {

	private static final String PASSWORD = "Revocation-Passw0rd-4";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDisabledAccountsOpenSessionAndTokensStopAtOnce() throws Exception {
		String username = create(DISTRICT_SARYAGASH, "SPECIALIST", "KZ-61-D08-S001");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.1");
		String token = token(username);
		session.perform(get("/learners")).andExpect(status().isOk());
		change(DISTRICT_SARYAGASH, username, "SPECIALIST", "KZ-61-D08-S001", false);
		assertThat(storedSessions(username)).isZero();
		session.perform(get("/learners")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/learners").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(revocations(username)).containsExactly("revoked 1 with the account disabled",
				"ended 1 with the account disabled");
		// enabled again, the account signs in afresh; the old token stays revoked
		change(DISTRICT_SARYAGASH, username, "SPECIALIST", "KZ-61-D08-S001", true);
		mvc.perform(get("/api/v1/learners").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aMovedAccountsSessionsAndTokensEndAtOnceAndItSignsInAgainToItsNewScope() throws Exception {
		String username = create(REGION_TURKISTAN, "DISTRICT_OFFICER", "KZ-61-D08");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.2");
		String token = token(username);
		session.perform(get("/users")).andExpect(content().string(containsString(DISTRICT_SARYAGASH)));
		String elsewhere = jdbc.sql(
				"SELECT MIN(code) FROM org_unit WHERE parent_code = 'KZ-61' AND code <> 'KZ-61-D08' AND kind = 'district' AND valid_to IS NULL")
			.query(String.class)
			.single();
		change(REGION_TURKISTAN, username, "DISTRICT_OFFICER", elsewhere, true);
		assertThat(storedSessions(username)).isZero();
		session.perform(get("/users")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/learners").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(revocations(username)).containsExactly("revoked 1 with the place changed",
				"ended 1 with the place changed");
		signIn(username, PASSWORD, "10.30.0.2").perform(get("/users"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(DISTRICT_SARYAGASH))));
	}

	@Test
	void anAccountGivenAnotherRoleLosesItsSessionsAndTokensAtOnce() throws Exception {
		String username = create(ADMIN, "SPECIALIST", "KZ-61-D08-S001");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.7");
		String token = token(username);
		change(ADMIN, username, "SCHOOL_COORDINATOR", "KZ-61-D08-S001", true);
		session.perform(get("/learners")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/learners").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(revocations(username)).containsExactly("revoked 1 with the role changed",
				"ended 1 with the role changed");
	}

	@Test
	void aChangeOfNameOnlyKeepsTheSessionsAndTokens() throws Exception {
		String username = create(DISTRICT_SARYAGASH, "SPECIALIST", "KZ-61-D08-S001");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.8");
		String token = token(username);
		long id = id(username);
		mvc.perform(put("/api/v1/users/{id}", id).with(as(DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Revocation Renamed","role":"SPECIALIST","scope":"KZ-61-D08-S001","enabled":true,"version":%d}
							"""
						.formatted(version(id))))
			.andExpect(status().isOk());
		session.perform(get("/learners")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/learners").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		assertThat(storedSessions(username)).isOne();
		assertThat(revocations(username)).isEmpty();
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndTokensButNotTheOwnSession() throws Exception {
		String username = create(ADMIN, "RESEARCHER", "KZ");
		SessionCookie mine = signIn(username, PASSWORD, "10.30.0.3");
		SessionCookie other = signIn(username, PASSWORD, "10.30.0.4");
		String token = token(username);
		mine.perform(post("/account/password").with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Another-Revocation-Pw-5")).andExpect(redirectedUrl("/account"));
		mine.perform(get("/account")).andExpect(status().isOk());
		other.perform(get("/account")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aManagersPasswordResetEndsTheAccountsSessionsToo() throws Exception {
		String username = create(ADMIN, "RESEARCHER", "KZ");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.5");
		long id = id(username);
		mvc.perform(put("/api/v1/users/{id}", id).with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
				{"fullName":"Reset","role":"RESEARCHER","scope":"KZ","enabled":true,"version":%d,
				 "password":"Reset-By-Manager-Pw-6"}
				""".formatted(version(id)))).andExpect(status().isOk());
		session.perform(get("/account")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void wrongCurrentPasswordsAreBraked() throws Exception {
		String username = create(ADMIN, "RESEARCHER", "KZ");
		SessionCookie session = signIn(username, PASSWORD, "10.30.0.6");
		for (int i = 0; i < 5; i++) {
			session
				.perform(post("/account/password").with(csrf())
					.param("currentPassword", "Wrong-current-" + i)
					.param("newPassword", "Braked-Revocation-Pw-7"))
				.andExpect(status().isUnprocessableContent());
		}
		session
			.perform(post("/account/password").with(csrf())
				.param("lang", "en")
				.param("currentPassword", PASSWORD)
				.param("newPassword", "Braked-Revocation-Pw-7"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("too many wrong passwords")));
	}

	@Test
	void nobodyCanLockTheAdministratorOut() throws Exception {
		mvc.perform(get("/api/v1/users").with(as(ADMIN))).andExpect(status().isOk());
		java.util.List<Integer> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(mvc
				.perform(get("/api/v1/users").with(basic(ADMIN, "Not-the-admin-pw-" + i)).with(from("10.31.0." + i)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		assertThat(answers).as("the guesser is held back").contains(429).containsOnly(401, 429);
		mvc.perform(get("/api/v1/users").with(as(ADMIN))).andExpect(status().isOk());
		mvc.perform(get("/users").with(as(ADMIN))).andExpect(status().isOk());
	}

	@Test
	void aValidTokenFromAnAddressFullOfFailuresStillWorks() throws Exception {
		String username = create(ADMIN, "RESEARCHER", "KZ");
		String token = token(username);
		for (int i = 0; i < 40; i++) {
			mvc.perform(post("/login").with(csrf())
				.with(from("10.32.0.1"))
				.param("username", "spray-" + i)
				.param("password", "Spray-password-" + i));
		}
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token).with(from("10.32.0.1")))
			.andExpect(status().isOk());
	}

	@Test
	void existingAndUnknownNamesGetTheSameAnswers() throws Exception {
		String disabled = create(DISTRICT_SARYAGASH, "SPECIALIST", "KZ-61-D08-S001");
		change(DISTRICT_SARYAGASH, disabled, "SPECIALIST", "KZ-61-D08-S001", false);
		String unknown = "no.such.account." + SEQUENCE.incrementAndGet();
		mvc.perform(post("/login").with(csrf())
			.with(from("10.33.0.1"))
			.param("username", disabled)
			.param("password", PASSWORD)).andExpect(redirectedUrl("/login?error=credentials"));
		mvc.perform(post("/login").with(csrf())
			.with(from("10.33.0.1"))
			.param("username", unknown)
			.param("password", PASSWORD)).andExpect(redirectedUrl("/login?error=credentials"));
		String existing = create(DISTRICT_SARYAGASH, "SPECIALIST", "KZ-61-D08-S001");
		for (String name : new String[] { existing, unknown }) {
			for (int i = 0; i < 12; i++) {
				int address = i;
				mvc.perform(post("/login").with(csrf())
					.with(from("10.34." + name.length() + "." + address))
					.param("username", name)
					.param("password", "Guess-" + i));
			}
			mvc.perform(post("/login").with(csrf())
				.with(from("10.35.0.1"))
				.param("username", name)
				.param("password", "Guess-last")).andExpect(redirectedUrl("/login?error=throttled"));
		}
		mvc.perform(get("/api/v1/users").with(basic(existing, "Guess-last")).with(from("10.35.0.2")))
			.andExpect(status().isTooManyRequests());
		mvc.perform(get("/api/v1/users").with(basic(unknown, "Guess-last")).with(from("10.35.0.2")))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void theOpenApiDescriptionNeedsSignInAndPagesRefuseHttpBasic() throws Exception {
		mvc.perform(get("/api/openapi")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/docs")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/users").with(org.barshaga.support.Demo.httpBasicOnly(ADMIN, "Demo-Passw0rd-for-tests")))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/openapi").with(as(ADMIN))).andExpect(status().isOk());
	}

	private SessionCookie signIn(String username, String password, String address) throws Exception {
		SessionCookie session = new SessionCookie(mvc);
		session.perform(
				post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/"));
		return session;
	}

	private String token(String username) throws Exception {
		return JsonPath.read(mvc
			.perform(post("/api/v1/tokens").with(basic(username, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"revocation\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.secret");
	}

	private String create(String manager, String role, String place) throws Exception {
		String username = "revocation." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
		mvc.perform(post("/api/v1/users").with(as(manager)).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"%s","fullName":"Revocation","role":"%s","scope":"%s","password":"%s"}
				""".formatted(username, role, place, PASSWORD))).andExpect(status().isCreated());
		return username;
	}

	private void change(String manager, String username, String role, String place, boolean enabled) throws Exception {
		long id = id(username);
		mvc.perform(put("/api/v1/users/{id}", id).with(as(manager)).contentType(MediaType.APPLICATION_JSON).content("""
				{"fullName":"Revocation","role":"%s","scope":"%s","enabled":%s,"version":%d}
				""".formatted(role, place, enabled, version(id)))).andExpect(status().isOk());
	}

	private int storedSessions(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	/** The audited ends of the account's tokens and sessions, tokens first. */
	private java.util.List<String> revocations(String username) {
		return jdbc.sql("""
				SELECT detail FROM audit_event
				WHERE action = 'DELETE' AND record_type IN ('access-token', 'session') AND record_id = :id
				ORDER BY record_type, id""").param("id", String.valueOf(id(username))).query(String.class).list();
	}

	private long id(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM app_user WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
