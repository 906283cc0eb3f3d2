package org.barshaga.identity;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passkeys over HTTP, with a passkey made in software ({@link SoftPasskey}) against the
 * real relying party checks: enrolment, passwordless sign-in that counts as both factors,
 * the passkey as the second step after a password, removal, and the refusal of an
 * assertion made for another site.
 */
@BarshagaTest
class PasskeyTests {

	private static final String PASSWORD = "Right-Password-2026";

	private static final String SITE = "localhost";

	private static final String ORIGIN = "http://localhost";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEnrolledPasskeySignsInWithoutPasswordAndCountsAsTheSecondFactor() throws Exception {
		String username = createUser();
		SoftPasskey passkey = enrol(username, "10.3.0.1");
		assertThat(audited(username, "UPDATE", "passkey added")).isEqualTo(1);

		SessionCookie session = new SessionCookie(mvc);
		signIn(session, passkey, SITE, ORIGIN, "10.3.0.2").andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticated").value(true))
			.andExpect(jsonPath("$.redirectUrl").value("/"));
		session.perform(get("/account")).andExpect(status().isOk());
		session.perform(get("/account/two-factor"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Work laptop")));
		assertThat(audited(username, "LOGIN_SUCCESS", "passkey")).isEqualTo(1);

		// A password alone no longer opens the account: the passkey is asked for next.
		SessionCookie withPassword = passwordOnly(username, "10.3.0.2", "/login/two-factor");
		withPassword.perform(get("/learners")).andExpect(redirectedUrl("/login/two-factor"));
		withPassword.perform(get("/login/two-factor"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-passkey=\"sign-in\"")))
			.andExpect(content().string(not(containsString("autocomplete=\"one-time-code\""))));
		// nor may it add a passkey of its own choosing
		withPassword.perform(post("/webauthn/register/options").with(csrf()))
			.andExpect(redirectedUrl("/login/two-factor"));
		signIn(withPassword, passkey, SITE, ORIGIN, "10.3.0.2").andExpect(status().isOk());
		withPassword.perform(get("/learners")).andExpect(status().isOk());
	}

	@Test
	void aPasskeyFromAnotherSiteIsRefusedAuditedAndCountedByTheThrottle() throws Exception {
		String username = createUser();
		SoftPasskey passkey = enrol(username, "10.3.1.1");
		String address = "10.3.1.2";
		signIn(new SessionCookie(mvc), passkey, "elsewhere.example", "https://elsewhere.example", address)
			.andExpect(status().isUnauthorized());
		// the right site's id, but a page of another origin
		signIn(new SessionCookie(mvc), passkey, SITE, "https://elsewhere.example", address)
			.andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event
				WHERE action = 'LOGIN_FAILURE' AND detail LIKE 'passkey refused: %' AND detail LIKE :from""")
			.param("from", "% from " + address)
			.query(Integer.class)
			.single()).isEqualTo(2);
		for (int i = 2; i < SignInThrottle.PAIR_LIMIT; i++) {
			signIn(new SessionCookie(mvc), passkey, "elsewhere.example", "https://elsewhere.example", address)
				.andExpect(status().isUnauthorized());
		}
		// the brake holds this address, even for the right passkey ...
		signIn(new SessionCookie(mvc), passkey, SITE, ORIGIN, address).andExpect(status().isTooManyRequests());
		// ... and nowhere else
		signIn(new SessionCookie(mvc), passkey, SITE, ORIGIN, "10.3.1.3").andExpect(status().isOk());
	}

	@Test
	void theOwnerRemovesAPasskeyAndAnAdministratorsResetRemovesThemAll() throws Exception {
		String username = createUser();
		SoftPasskey passkey = enrol(username, "10.3.2.1");
		SessionCookie session = new SessionCookie(mvc);
		signIn(session, passkey, SITE, ORIGIN, "10.3.2.1").andExpect(status().isOk());
		session.perform(post("/account/two-factor/passkeys/remove").with(csrf()).param("passkey", "not-mine"))
			.andExpect(status().isUnprocessableContent());
		session.perform(post("/account/two-factor/passkeys/remove").with(csrf()).param("passkey", passkey.id()))
			.andExpect(redirectedUrl("/account/two-factor"));
		assertThat(passkeys(username)).isZero();
		assertThat(audited(username, "UPDATE", "passkey removed")).isEqualTo(1);
		signIn(new SessionCookie(mvc), passkey, SITE, ORIGIN, "10.3.2.2").andExpect(status().isUnauthorized());

		String other = createUser();
		enrol(other, "10.3.2.3");
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = :name")
			.param("name", other)
			.query(Long.class)
			.single();
		mvc.perform(post("/users/" + id + "/two-factor/reset").with(csrf()).with(as(ADMIN)))
			.andExpect(status().is3xxRedirection());
		assertThat(passkeys(other)).isZero();
		passwordOnly(other, "10.3.2.3", "/");
	}

	private SoftPasskey enrol(String username, String address) throws Exception {
		SessionCookie session = passwordOnly(username, address, "/");
		String options = session.perform(post("/webauthn/register/options").with(csrf()).with(from(address)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticatorSelection.userVerification").value("required"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(options, "$.rp.id")).isEqualTo(SITE);
		SoftPasskey passkey = new SoftPasskey();
		session
			.perform(post("/webauthn/register").with(csrf())
				.with(from(address))
				.contentType(MediaType.APPLICATION_JSON)
				.content(passkey.register(options, SITE, ORIGIN, "Work laptop")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true));
		assertThat(passkeys(username)).isEqualTo(1);
		return passkey;
	}

	private ResultActions signIn(SessionCookie session, SoftPasskey passkey, String site, String origin, String address)
			throws Exception {
		String options = session.perform(post("/webauthn/authenticate/options").with(csrf()).with(from(address)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userVerification").value("required"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return session.perform(post("/login/webauthn").with(csrf())
			.with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(passkey.assertion(options, site, origin)));
	}

	private SessionCookie passwordOnly(String username, String address, String leadsTo) throws Exception {
		SessionCookie session = new SessionCookie(mvc);
		session.perform(
				post("/login").with(csrf()).with(from(address)).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl(leadsTo));
		return session;
	}

	private String createUser() throws Exception {
		String username = "passkey." + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(
				post("/api/v1/users").with(as(DISTRICT_SARYAGASH)).contentType(MediaType.APPLICATION_JSON).content("""
						{"username":"%s","fullName":"Passkey Holder","role":"%s","scope":"KZ-61-D08-S001",
						 "password":"%s"}
						""".formatted(username, Role.SPECIALIST.name(), PASSWORD)))
			.andExpect(status().isCreated());
		return username;
	}

	private int passkeys(String username) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id
				WHERE e.name = :name""").param("name", username).query(Integer.class).single();
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

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
