package org.barshaga.identity;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.MINISTRY;
import static org.barshaga.support.Demo.REGION_TURKISTAN;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class UserManagementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String user(String username, String role, String scope) {
		return """
				{"username":"%s","fullName":"Асель Нұрланқызы","email":"asel@example.kz","role":"%s","scope":"%s",
				 "password":"Long-enough-Passw0rd"}
				""".formatted(username, role, scope);
	}

	@Test
	void anAdministratorCreatesASchoolCoordinatorAndItIsAudited() throws Exception {
		String created = mvc
			.perform(post("/api/v1/users").with(as(ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(user("coordinator.s002", "SCHOOL_COORDINATOR", "KZ-61-D08-S002")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.scopePath").value("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S002/"))
			.andExpect(jsonPath("$.role").value("SCHOOL_COORDINATOR"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain("password");
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'coordinator.s002'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain("Long-enough");
		int id = JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/audit").param("recordType", "user").param("recordId", "" + id).with(as(MINISTRY)))
			.andExpect(jsonPath("$.items[0].action").value("CREATE"))
			.andExpect(jsonPath("$.items[0].fields", containsString("scope: → KZ-61-D08-S002")));
	}

	@Test
	void managersGiveOnlyRolesBelowTheirOwnAndOnlyInsideTheirScope() throws Exception {
		String response = mvc
			.perform(post("/api/v1/users").with(as(DISTRICT_SARYAGASH))
				.header("Accept-Language", "ru")
				.contentType(MediaType.APPLICATION_JSON)
				.content(user("too.high", "REGION_OFFICER", "KZ-61")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(response, "$.errors[*].field")).containsExactly("role", "scope");
		assertThat(response).contains("можно назначать только роли ниже вашей");
		mvc.perform(post("/api/v1/users").with(as(REGION_TURKISTAN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("elsewhere", "DISTRICT_OFFICER", "KZ-75-R01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scope"));
		mvc.perform(post("/api/v1/users").with(as(MINISTRY))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("by.ministry", "RESEARCHER", "KZ"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN ('too.high', 'elsewhere', 'by.ministry')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRoleMustSuitItsPlace() throws Exception {
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("district.on.region", "DISTRICT_OFFICER", "KZ-61")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scope"));
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("pmpc.on.school", "PMPC_SPECIALIST", "KZ-61-D08-S001"))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("region.almaty", "REGION_OFFICER", "KZ-75"))).andExpect(status().isCreated());
	}

	@Test
	void weakPasswordsAndTakenOrMalformedUsernamesAreRefused() throws Exception {
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("admin", "SPECIALIST", "KZ-61-D08-S001")))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("Bad Name!", "SPECIALIST", "KZ-61-D08-S001")))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("short.pass", "SPECIALIST", "KZ-61-D08-S001").replace("Long-enough-Passw0rd", "short")))
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void commonPasswordsAndPasswordsOfTooFewCharactersAreRefused() throws Exception {
		String[] weak = { "aaaaaaaaaaaa", "password1234", "Qwerty123456", "            ", "P@ssw0rd2024!",
				"123456789012", "abcabcabcabc", "Qazaqstan2026", "iloveyou2025!!" };
		for (String password : weak) {
			mvc.perform(post("/api/v1/users").with(as(ADMIN))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(user("weak.pass", "SPECIALIST", "KZ-61-D08-S001").replace("Long-enough-Passw0rd", password)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("password"));
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'weak.pass'").query(Long.class).single())
			.isZero();
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("strong.pass", "SPECIALIST", "KZ-61-D08-S001").replace("Long-enough-Passw0rd",
					"Demo-Passw0rd-for-tests")))
			.andExpect(status().isCreated());
	}

	@Test
	void aManagerCannotChangeAnAccountOfTheSameRank() throws Exception {
		long self = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", DISTRICT_SARYAGASH)
			.query(Long.class)
			.single();
		mvc.perform(put("/api/v1/users/{id}", self).with(as(DISTRICT_SARYAGASH))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fullName\":\"Self promotion\",\"role\":\"ADMIN\",\"scope\":\"KZ\",\"version\":0}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT role FROM app_user WHERE id = :id").param("id", self).query(String.class).single())
			.isEqualTo("DISTRICT_OFFICER");
	}

	@Test
	void theUserFormShowsErrorsByField() throws Exception {
		mvc.perform(post("/users").with(as(DISTRICT_SARYAGASH))
			.with(csrf())
			.param("lang", "kk")
			.param("username", "")
			.param("fullName", "")
			.param("role", "SPECIALIST")
			.param("scope", "KZ-75")
			.param("password", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#field-username\"")))
			.andExpect(content().string(containsString("href=\"#field-scope\"")))
			.andExpect(content().string(containsString("Пайдаланушы аты: міндетті өріс")));
	}

	@Test
	void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		mvc.perform(post("/api/v1/users").with(as(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(user("changes.password", "RESEARCHER", "KZ"))).andExpect(status().isCreated());
		mvc.perform(post("/account/password")
			.with(org.barshaga.support.Demo.basic("changes.password", "Long-enough-Passw0rd"))
			.with(csrf())
			.param("currentPassword", "wrong one")
			.param("newPassword", "A-new-passw0rd-2026")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/account/password")
			.with(org.barshaga.support.Demo.basic("changes.password", "Long-enough-Passw0rd"))
			.with(csrf())
			.param("currentPassword", "Long-enough-Passw0rd")
			.param("newPassword", "A-new-passw0rd-2026")).andExpect(status().is3xxRedirection());
		mvc.perform(
				get("/api/v1/tokens").with(org.barshaga.support.Demo.basic("changes.password", "A-new-passw0rd-2026")))
			.andExpect(status().isOk());
	}

}
