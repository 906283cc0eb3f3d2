package org.barshaga.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LearnerAccess;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.REGION_TURKISTAN;
import static org.barshaga.support.Demo.as;
import static org.barshaga.support.Demo.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An account never sees more than the account that made it: for every manager, every role
 * and every kind of place in the manager's scope, creating an account, or moving or
 * promoting one, either is refused or gives an account whose children and health fields
 * lie inside the manager's. The children are counted through the API as the new account
 * reads them.
 */
@BarshagaTest
class AccountScopeAttackTests {

	private static final String PASSWORD = "Scope-Attack-Passw0rd-7";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String region;

	private String district;

	private String school;

	private String pmpc;

	private String districtOfficer;

	@BeforeEach
	void places() throws Exception {
		String pmpcPath = jdbc
			.sql("SELECT MIN(path) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/KZ-61-%/%'")
			.query(String.class)
			.single();
		String[] parts = pmpcPath.split("/");
		region = parts[2];
		district = parts[3];
		pmpc = parts[4];
		school = jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'GENERAL_SCHOOL' AND path LIKE :path")
			.param("path", "/KZ/" + region + "/" + district + "/%")
			.query(String.class)
			.single();
		districtOfficer = "attack.district." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
		create(ADMIN, districtOfficer, "DISTRICT_OFFICER", district).andExpectCreated();
	}

	@Test
	void theDistrictOfficerOfTheIssueCannotMakeAPmpcSpecialistNorACoordinator() throws Exception {
		assertThat(create(districtOfficer, name(), "PMPC_SPECIALIST", pmpc).status()).isEqualTo(400);
		assertThat(create(districtOfficer, name(), "SCHOOL_COORDINATOR", school).status()).isEqualTo(400);
		assertThat(create(REGION_TURKISTAN, name(), "PMPC_SPECIALIST", pmpc).status()).isEqualTo(400);
	}

	@Test
	void noManagerCreatesAnAccountThatSeesMoreThanItself() throws Exception {
		Map<String, String> managers = new LinkedHashMap<>();
		managers.put(REGION_TURKISTAN, "KZ-61");
		managers.put(districtOfficer, district);
		List<String> made = new ArrayList<>();
		for (Map.Entry<String, String> manager : managers.entrySet()) {
			Role managerRole = role(manager.getKey());
			LearnerAccess own = managerRole.learnerAccess(scopeOf(manager.getKey()));
			long ownChildren = children(who(manager.getKey()));
			for (Role role : Role.values()) {
				for (String place : List.of("KZ", region, district, school, pmpc)) {
					String username = name();
					Attempt attempt = create(manager.getKey(), username, role.name(), place);
					if (attempt.status() == 201) {
						made.add(manager.getKey() + " made " + role + " at " + place);
						assertThat(role.learnerAccess(scopeOf(username)).within(own))
							.as(manager.getKey() + " made " + role + " at " + place)
							.isTrue();
						if (role != Role.RESEARCHER) {
							assertThat(children(basic(username, PASSWORD))).as(role + " at " + place)
								.isLessThanOrEqualTo(ownChildren);
						}
					}
					else {
						assertThat(attempt.status()).as(role + " at " + place).isIn(400, 403);
					}
				}
			}
		}
		assertThat(made).as("the managers still make the accounts they may make")
			.contains(REGION_TURKISTAN + " made DISTRICT_OFFICER at " + district,
					districtOfficer + " made SPECIALIST at " + school);
	}

	@Test
	void noManagerMovesOrPromotesAnAccountToSeeMoreThanItself() throws Exception {
		for (String manager : List.of(REGION_TURKISTAN, districtOfficer)) {
			LearnerAccess own = role(manager).learnerAccess(scopeOf(manager));
			String username = name();
			long id = create(manager, username, "RESEARCHER", district).andExpectCreated();
			for (Role role : Role.values()) {
				for (String place : List.of("KZ", region, district, school, pmpc)) {
					int version = jdbc.sql("SELECT version FROM app_user WHERE id = :id")
						.param("id", id)
						.query(Integer.class)
						.single();
					int status = mvc
						.perform(put("/api/v1/users/{id}", id).with(who(manager))
							.contentType(MediaType.APPLICATION_JSON)
							.content("""
									{"fullName":"Moved","role":"%s","scope":"%s","enabled":true,"version":%d}
									""".formatted(role, place, version)))
						.andReturn()
						.getResponse()
						.getStatus();
					Role now = role(username);
					assertThat(now.learnerAccess(scopeOf(username)).within(own))
						.as(manager + " moved to " + role + " at " + place + " (" + status + ")")
						.isTrue();
					if (status == 200 && now != Role.RESEARCHER) {
						assertThat(children(basic(username, PASSWORD))).isLessThanOrEqualTo(children(who(manager)));
						// back to a harmless account the manager may change again
						int back = jdbc.sql("SELECT version FROM app_user WHERE id = :id")
							.param("id", id)
							.query(Integer.class)
							.single();
						mvc.perform(put("/api/v1/users/{id}", id).with(who(manager))
							.contentType(MediaType.APPLICATION_JSON)
							.content("""
									{"fullName":"Moved","role":"RESEARCHER","scope":"%s","enabled":true,"version":%d}
									""".formatted(district, back))).andExpect(status().isOk());
					}
				}
			}
		}
	}

	@Test
	void aManagerCannotTakeOverAnAccountThatSeesMoreByResettingItsPassword() throws Exception {
		String coordinator = name();
		long id = create(ADMIN, coordinator, "SCHOOL_COORDINATOR", school).andExpectCreated();
		mvc.perform(put("/api/v1/users/{id}", id).with(who(districtOfficer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"fullName":"Taken","role":"SCHOOL_COORDINATOR","scope":"%s","enabled":true,"version":0,
					 "password":"Taken-Over-Passw0rd-9"}
					""".formatted(school))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/learners").with(basic(coordinator, "Taken-Over-Passw0rd-9")))
			.andExpect(status().isUnauthorized());
	}

	private long children(org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/learners").with(who)).andExpect(status().isOk()).andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.total")).longValue();
	}

	/** A demo account, or one this test made with its own password. */
	private static org.springframework.test.web.servlet.request.RequestPostProcessor who(String username) {
		return username.startsWith("attack.") ? basic(username, PASSWORD) : as(username);
	}

	private Role role(String username) {
		return Role.valueOf(jdbc.sql("SELECT role FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single());
	}

	private DataScope scopeOf(String username) {
		return new DataScope(jdbc.sql("SELECT scope_path FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single());
	}

	private static String name() {
		return "attack.scope." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000;
	}

	private record Attempt(int status, String body) {

		long andExpectCreated() {
			assertThat(status).as(body).isEqualTo(201);
			return ((Number) JsonPath.read(body, "$.id")).longValue();
		}

	}

	private Attempt create(String manager, String username, String role, String place) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/users").with(who(manager)).contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","fullName":"Scope attack","role":"%s","scope":"%s","password":"%s"}
					""".formatted(username, role, place, PASSWORD)))
			.andReturn();
		return new Attempt(result.getResponse().getStatus(), result.getResponse().getContentAsString());
	}

}
