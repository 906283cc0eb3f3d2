package org.barshaga.identity;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.MINISTRY;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApiCallWithoutCredentialsGetsProblemDetailsNeverALoginPage() throws Exception {
		mvc.perform(get("/api/v1/users").header("Accept-Language", "kk"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Жүйеге кіру қажет"))
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		mvc.perform(get("/api/v1/users").with(httpBasic(ADMIN, "wrong-password-123")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer bsg_notatoken"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void pagesSendAnonymousUsersToTheLoginPage() throws Exception {
		mvc.perform(get("/organisations").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void formLoginSucceedsAndIsAudited() throws Exception {
		mvc.perform(
				post("/login").with(csrf()).param("username", MINISTRY).param("password", "Demo-Passw0rd-for-tests"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/audit").param("user", MINISTRY).with(as(ADMIN)))
			.andExpect(jsonPath("$.items[?(@.action == 'LOGIN_SUCCESS')]").isNotEmpty());
	}

	@Test
	void failuresHoldBackTheGuesserButLockNobodyOutAndAreAudited() throws Exception {
		String username = createUser("lockout." + shortId());
		RequestPostProcessor wrong = httpBasic(username, "not-the-password-1");
		for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
			mvc.perform(get("/api/v1/tokens").with(wrong).with(fromAddress("10.1.0.1")))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/v1/tokens").with(wrong).with(fromAddress("10.1.0.1")))
			.andExpect(status().isTooManyRequests());
		mvc.perform(post("/login").with(csrf())
			.with(fromAddress("10.1.0.2"))
			.param("username", username)
			.param("password", "Right-Password-2026")).andExpect(redirectedUrl("/"));
		assertThat(jdbc.sql("SELECT locked_until FROM app_user WHERE username = :u")
			.param("u", username)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
		mvc.perform(get("/api/v1/audit").param("user", username).with(as(ADMIN)))
			.andExpect(jsonPath("$.items[?(@.action == 'LOGIN_FAILURE')]",
					org.hamcrest.Matchers.hasSize(SignInThrottle.PAIR_LIMIT)));
	}

	@Test
	void anAddressThatKeepsFailingIsThrottledForPasswordsButNotForTokens() throws Exception {
		String token = JsonPath.read(
				mvc.perform(post("/api/v1/tokens").with(as(MINISTRY))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"throttle test\"}")).andReturn().getResponse().getContentAsString(),
				"$.secret");
		for (int i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
			mvc.perform(post("/login").with(csrf())
				.with(fromAddress("10.2.0.9"))
				.param("username", "nobody-" + i)
				.param("password", "guess")).andExpect(redirectedUrl("/login?error=credentials"));
		}
		mvc.perform(post("/login").with(csrf())
			.with(fromAddress("10.2.0.9"))
			.param("username", MINISTRY)
			.param("password", "Demo-Passw0rd-for-tests")).andExpect(redirectedUrl("/login?error=throttled"));
		mvc.perform(get("/api/v1/users").with(as(MINISTRY)).with(fromAddress("10.2.0.9")))
			.andExpect(status().isTooManyRequests());
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token).with(fromAddress("10.2.0.9")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/users").with(as(MINISTRY)).with(fromAddress("10.2.0.10"))).andExpect(status().isOk());
	}

	@Test
	void aPersonalAccessTokenActsAsItsOwnerUntilRevoked() throws Exception {
		String response = mvc
			.perform(post("/api/v1/tokens").with(as(DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"district reporting script\",\"days\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(response, "$.secret");
		int id = JsonPath.read(response, "$.token.id");
		assertThat(secret).startsWith("bsg_");
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].username", org.hamcrest.Matchers.hasItem(DISTRICT_SARYAGASH)))
			.andExpect(jsonPath("$.items[*].username", not(org.hamcrest.Matchers.hasItem("region.turkistan"))));
		mvc.perform(get("/api/v1/tokens").with(as(DISTRICT_SARYAGASH)))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].name").value("district reporting script"))
			.andExpect(content().string(not(containsString(secret))));
		assertThat(jdbc.sql("SELECT token_hash FROM access_token WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isNotEqualTo(secret).hasSize(64);
		mvc.perform(delete("/api/v1/tokens/{id}", id).with(as(ADMIN))).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/tokens/{id}", id).with(as(DISTRICT_SARYAGASH))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		String username = createUser("disabled." + shortId());
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/{id}", id)
			.with(as(DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName":"Disabled Specialist","role":"SPECIALIST","scope":"KZ-61-D08-S001","enabled":false,"version":0}
							"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		mvc.perform(get("/api/v1/tokens").with(httpBasic(username, "Right-Password-2026")))
			.andExpect(status().isUnauthorized());
	}

	private String createUser(String username) throws Exception {
		mvc.perform(
				post("/api/v1/users").with(as(DISTRICT_SARYAGASH)).contentType(MediaType.APPLICATION_JSON).content("""
						{"username":"%s","fullName":"Test Specialist","role":"SPECIALIST","scope":"KZ-61-D08-S001",
						 "password":"Right-Password-2026"}
						""".formatted(username)))
			.andExpect(status().isCreated());
		return username;
	}

	private static RequestPostProcessor fromAddress(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
