package org.barshaga.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Walks the scoped endpoints and pages with every demo account against records inside and
 * outside its scope. Outside the scope the answer is always 404, and nothing is written:
 * the writes carry a stale version, so even a permitted one stops at 409 instead of
 * changing data.
 */
@BarshagaTest
class ScopeWalkTests {

	/**
	 * Every API endpoint this walk knows; a new endpoint fails the walk until it is added
	 * here.
	 */
	static final Set<String> KNOWN_API = Set.of("GET /api/v1/org-units/{code}", "GET /api/v1/org-units/{code}/children",
			"GET /api/v1/organisations", "POST /api/v1/organisations", "GET /api/v1/organisations/{id}",
			"PUT /api/v1/organisations/{id}", "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/{id}",
			"PUT /api/v1/users/{id}", "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
			"GET /api/v1/audit");

	static final Set<String> USER_READERS = Set.of(Demo.ADMIN, Demo.MINISTRY, Demo.REGION_TURKISTAN,
			Demo.DISTRICT_SARYAGASH);

	static final Set<String> REGISTRY_MAINTAINERS = Set.of(Demo.ADMIN, Demo.MINISTRY, Demo.REGION_TURKISTAN,
			Demo.DISTRICT_SARYAGASH, Demo.SCHOOL);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theWalkCoversEveryApiEndpoint() {
		Set<String> actual = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					info.getMethodsCondition().getMethods().forEach(m -> actual.add(m.name() + " " + pattern));
				}
			}
		}
		assertThat(actual).isEqualTo(new TreeSet<>(KNOWN_API));
	}

	@Test
	void accountsOutsideTheScopeAreNotFoundAndNeverChanged() throws Exception {
		List<Map<String, Object>> accounts = jdbc.sql("SELECT id, username, scope_path, version FROM app_user")
			.query()
			.listOfRows();
		for (String reader : Demo.ALL) {
			String readerPath = scopeOf(reader);
			for (Map<String, Object> account : accounts) {
				boolean inside = account.get("scope_path").toString().startsWith(readerPath);
				int expectedRead = !USER_READERS.contains(reader) ? 403 : inside ? 200 : 404;
				assertThat(status(get("/api/v1/users/{id}", account.get("id")), reader))
					.as("%s reads user %s", reader, account.get("username"))
					.isEqualTo(expectedRead);
				assertThat(status(get("/users/{id}", account.get("id")), reader))
					.as("%s opens page of user %s", reader, account.get("username"))
					.isEqualTo(expectedRead);
				int write = status(
						put("/api/v1/users/{id}", account.get("id")).contentType(MediaType.APPLICATION_JSON).content("""
								{"fullName":"Walk","role":"SPECIALIST","scope":"KZ","enabled":true,"version":-1}
								"""), reader);
				if (!inside || !USER_READERS.contains(reader)) {
					assertThat(write).as("%s writes user %s", reader, account.get("username"))
						.isEqualTo(USER_READERS.contains(reader) ? 404 : 403);
				}
				else {
					assertThat(write).as("%s writes user %s", reader, account.get("username")).isIn(400, 403, 409);
				}
			}
		}
		assertThat(jdbc.sql("SELECT id, username, scope_path, version FROM app_user WHERE full_name = 'Walk'")
			.query()
			.listOfRows()).isEmpty();
	}

	@Test
	void organisationsOutsideTheScopeCannotBeEditedAndNeverChange() throws Exception {
		List<Map<String, Object>> samples = jdbc.sql("""
				SELECT id, path, version, updated_at FROM organisation
				WHERE code IN ('KZ-61-D08-S001', 'KZ-61-D08-S002', 'KZ-61-D01-S001', 'KZ-75-R01-S001', 'KZ-59-D01-S001')
				""").query().listOfRows();
		assertThat(samples).hasSize(5);
		for (String user : Demo.ALL) {
			String scope = scopeOf(user);
			for (Map<String, Object> organisation : samples) {
				boolean inside = organisation.get("path").toString().startsWith(scope);
				Object id = organisation.get("id");
				assertThat(status(get("/api/v1/organisations/{id}", id), user)).isEqualTo(200);
				int expectedEdit = !REGISTRY_MAINTAINERS.contains(user) ? 403 : inside ? 200 : 404;
				assertThat(status(get("/organisations/{id}/edit", id), user)).as("%s edits %s", user, id)
					.isEqualTo(expectedEdit);
				String stale = """
						{"type":"GENERAL_SCHOOL","names":{"kk":"Walk","ru":"Walk","en":"Walk"},"orgUnitCode":"%s",
						 "settlement":"URBAN","ownership":"STATE","languages":["KK"],"status":"OPEN","version":-1}
						""".formatted(unitOf(organisation.get("path").toString()));
				int write = status(
						put("/api/v1/organisations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(stale),
						user);
				assertThat(write).as("%s writes %s", user, id)
					.isEqualTo(!REGISTRY_MAINTAINERS.contains(user) ? 403 : inside ? 409 : 404);
				int pageWrite = status(post("/organisations/{id}", id).with(csrf())
					.param("type", "GENERAL_SCHOOL")
					.param("nameKk", "Walk")
					.param("nameRu", "Walk")
					.param("nameEn", "Walk")
					.param("orgUnitCode", unitOf(organisation.get("path").toString()))
					.param("settlement", "URBAN")
					.param("ownership", "STATE")
					.param("languages", "KK")
					.param("status", "OPEN")
					.param("version", "-1"), user);
				assertThat(pageWrite).as("%s posts the form of %s", user, id)
					.isEqualTo(!REGISTRY_MAINTAINERS.contains(user) ? 403 : inside ? 409 : 404);
			}
		}
		List<Map<String, Object>> after = jdbc.sql("""
				SELECT id, path, version, updated_at FROM organisation
				WHERE code IN ('KZ-61-D08-S001', 'KZ-61-D08-S002', 'KZ-61-D01-S001', 'KZ-75-R01-S001', 'KZ-59-D01-S001')
				""").query().listOfRows();
		assertThat(after).containsExactlyInAnyOrderElementsOf(samples);
	}

	@Test
	void creatingOutsideTheScopeIsRefusedByField() throws Exception {
		String body = """
				{"code":"WALK-OUTSIDE","type":"GENERAL_SCHOOL","names":{"kk":"Walk","ru":"Walk","en":"Walk"},
				 "orgUnitCode":"KZ-75-R01","settlement":"URBAN","ownership":"STATE","languages":["KK"]}
				""";
		String response = mvc
			.perform(post("/api/v1/organisations").with(as(Demo.DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(response, "$.errors[*].field")).containsExactly("orgUnitCode");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE code = 'WALK-OUTSIDE'").query(Long.class).single())
			.isZero();
	}

	@Test
	void auditIsReadOnlyInsideTheScopeByOverseers() throws Exception {
		for (String user : Demo.ALL) {
			var result = mvc.perform(get("/api/v1/audit").with(as(user))).andReturn().getResponse();
			if (user.equals(Demo.ADMIN) || user.equals(Demo.MINISTRY)) {
				assertThat(result.getStatus()).isEqualTo(200);
				List<String> paths = JsonPath.read(result.getContentAsString(), "$.items[*].recordPath");
				assertThat(paths).allMatch(path -> path.startsWith(scopeOf(user)));
			}
			else {
				assertThat(result.getStatus()).as(user).isEqualTo(403);
				assertThat(status(get("/audit"), user)).as(user).isEqualTo(403);
			}
		}
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
			throws Exception {
		return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
	}

	private String scopeOf(String username) {
		return jdbc.sql("SELECT scope_path FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private static String unitOf(String organisationPath) {
		String[] parts = organisationPath.split("/");
		return parts[parts.length - 2];
	}

}
