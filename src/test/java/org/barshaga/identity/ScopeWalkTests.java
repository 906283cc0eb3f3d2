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
			"GET /api/v1/audit", "GET /api/v1/learners", "POST /api/v1/learners", "GET /api/v1/learners/worklists",
			"GET /api/v1/learners/{id}", "PUT /api/v1/learners/{id}", "GET /api/v1/learners/transfers",
			"POST /api/v1/learners/transfers/{id}/accept", "POST /api/v1/learners/transfers/{id}/refuse",
			"GET /api/v1/learners/{id}/guardians", "POST /api/v1/learners/{id}/guardians",
			"GET /api/v1/learners/{id}/consents", "POST /api/v1/learners/{id}/consents",
			"POST /api/v1/learners/{id}/consents/{consentId}/withdrawal", "GET /api/v1/learners/{id}/conclusions",
			"POST /api/v1/learners/{id}/conclusions", "GET /api/v1/learners/{id}/functioning",
			"POST /api/v1/learners/{id}/functioning", "GET /api/v1/learners/{id}/enrolments",
			"POST /api/v1/learners/{id}/enrolments", "POST /api/v1/learners/{id}/enrolments/{enrolmentId}/end",
			"GET /api/v1/learners/{id}/support-levels", "POST /api/v1/learners/{id}/support-levels",
			"GET /api/v1/learners/{id}/plans", "POST /api/v1/learners/{id}/plans",
			"PUT /api/v1/learners/{id}/plans/{planId}", "POST /api/v1/learners/{id}/plans/{planId}/goals",
			"PUT /api/v1/learners/{id}/plans/{planId}/services", "POST /api/v1/learners/{id}/plans/{planId}/reviews",
			"GET /api/v1/learners/{id}/sessions", "POST /api/v1/learners/{id}/sessions",
			"GET /api/v1/learners/{id}/devices", "POST /api/v1/learners/{id}/devices",
			"PUT /api/v1/learners/{id}/guardians/{guardianId}", "PUT /api/v1/learners/{id}/devices/{deviceId}",
			"GET /api/v1/schools/{code}/conditions", "PUT /api/v1/schools/{code}/conditions",
			"GET /api/v1/schools/{code}/evaluation", "GET /api/v1/org-units/{code}/evaluations",
			"GET /api/v1/org-units/{code}/staffing-gap", "GET /api/v1/schools/{code}/staff",
			"POST /api/v1/schools/{code}/staff", "POST /api/v1/staff/{id}/trainings", "GET /api/v1/criteria-sets",
			"POST /api/v1/criteria-sets/{code}/versions", "GET /api/v1/staffing-norms", "PUT /api/v1/staffing-norms",
			"GET /api/v1/indicators", "POST /api/v1/indicators", "GET /api/v1/indicators/{id}",
			"GET /api/v1/indicators/{id}/values", "PUT /api/v1/indicators/{id}/targets/{year}/{orgUnit}",
			// the exchange and reconciliation APIs: their scope is walked in
			// ExchangeApiTests,
			// ExportApiTests and ReconcileRegistersTests
			"POST /api/v1/imports", "GET /api/v1/imports/{id}", "GET /api/v1/imports/{id}/report.csv",
			"GET /api/v1/exports/{layout}", "POST /api/v1/reconciliation/runs", "GET /api/v1/reconciliation/runs",
			"GET /api/v1/reconciliation/runs/{id}", "GET /api/v1/reconciliation/runs/{id}/children",
			"GET /api/v1/reconciliation/runs/{id}/duplicates", "GET /api/v1/reconciliation/runs/{id}/disagreements",
			// instrument definitions and scoring hold no personal data and are the same
			// for every caller (InstrumentsApiTests)
			"GET /api/v1/instruments", "GET /api/v1/instruments/{code}/versions/{version}",
			"POST /api/v1/instruments/{code}/versions/{version}/score",
			// the validation API: its scope is walked in ValidationTests
			"GET /api/v1/validation-rules", "GET /api/v1/org-units/{code}/validation",
			// the reporting cycle's API: its scope is walked in ApprovalChainTests
			"GET /api/v1/reporting-periods/{year}/status", "GET /api/v1/reporting-periods/{year}/worklist",
			// figures of record: values as of a revision share the values endpoint's
			// scope check;
			// differences are read in SQL within the scope, walked in
			// FiguresOfRecordTests
			"GET /api/v1/figures-of-record", "GET /api/v1/figures-of-record/{year}/{revision}/differences",
			"POST /api/v1/figures-of-record/{year}/revisions",
			// quality rounds: their scope is walked in RoundsTests, ResponsesTests and
			// ResultsTests; the
			// survey endpoints take a code instead of an account
			"GET /api/v1/rounds", "POST /api/v1/rounds", "GET /api/v1/rounds/{id}",
			"POST /api/v1/rounds/{id}/schools/{code}/codes", "POST /api/v1/rounds/{id}/responses",
			"GET /api/v1/rounds/{id}/results", "GET /api/v1/rounds/{id}/texts",
			"PUT /api/v1/rounds/{id}/texts/{textId}", "POST /api/v1/survey/open", "PUT /api/v1/survey/draft",
			"POST /api/v1/survey/responses",
			// a school's self-review beside the evidence: its scope is walked in
			// SelfReviewTests
			"GET /api/v1/schools/{code}/self-review",
			// the evidence bank's tables hold publications and counts, no person and no
			// school: every signed-in caller reads them (CodingAndTablesTests)
			"GET /api/v1/evidence/tables/by-year", "GET /api/v1/evidence/tables/by-theme",
			"GET /api/v1/evidence/tables/claims");

	/** The learner sub-resources every reader may GET, each audited like the record. */
	static final List<String> LEARNER_READS = List.of("", "/guardians", "/consents", "/conclusions", "/functioning",
			"/enrolments", "/support-levels", "/plans", "/sessions", "/devices");

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

	@Test
	void learnersOutsideTheScopeAreNotFoundAndNeverChanged() throws Exception {
		List<Map<String, Object>> samples = jdbc.sql("""
				SELECT l.id, l.path, l.version, l.updated_at FROM learner l
				WHERE l.id IN (SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/%'
					UNION SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S002/%'
					UNION SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-61/KZ-61-D01/%'
					UNION SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-75/%'
					UNION SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-59/%')
				""").query().listOfRows();
		assertThat(samples).hasSize(5);
		long sessions = jdbc.sql("SELECT COUNT(*) FROM support_session").query(Long.class).single();
		for (String user : Demo.ALL) {
			String scope = learnerScopeOf(user);
			for (Map<String, Object> learner : samples) {
				Object id = learner.get("id");
				boolean inside = learner.get("path").toString().startsWith(scope);
				int expected = user.equals(Demo.RESEARCHER) ? 403 : inside ? 200 : 404;
				for (String read : LEARNER_READS) {
					assertThat(status(get("/api/v1/learners/{id}" + read, id), user))
						.as("%s reads %s%s", user, id, read)
						.isEqualTo(expected);
				}
				assertThat(status(get("/learners/{id}", id).accept(MediaType.TEXT_HTML), user))
					.as("%s opens learner %s", user, id)
					.isEqualTo(expected);
				assertThat(status(get("/learners/{id}/sessions/new", id).accept(MediaType.TEXT_HTML), user))
					.as("%s opens a form of learner %s", user, id)
					.isEqualTo(expected);
				boolean issuer = List.of(Demo.REGION_TURKISTAN, Demo.DISTRICT_SARYAGASH, Demo.SCHOOL).contains(user);
				assertThat(status(get("/learners/{id}/parent-request", id).accept(MediaType.TEXT_HTML), user))
					.as("%s opens the parent's request of learner %s", user, id)
					.isEqualTo(!issuer ? 403 : inside ? 200 : 404);
				int write = status(post("/api/v1/learners/{id}/sessions", id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"minutes\":-1}"), user);
				assertThat(write).as("%s logs a session for %s", user, id)
					.isIn(user.equals(Demo.RESEARCHER) ? List.of(403) : !inside ? List.of(404) : List.of(400, 403));
				int pageWrite = status(post("/learners/{id}/sessions", id).with(csrf()).param("minutes", "-1"), user);
				assertThat(pageWrite).as("%s posts a session form for %s", user, id)
					.isIn(user.equals(Demo.RESEARCHER) ? List.of(403) : !inside ? List.of(404) : List.of(403, 422));
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM support_session").query(Long.class).single()).isEqualTo(sessions);
		List<Map<String, Object>> after = jdbc
			.sql("SELECT id, path, version, updated_at FROM learner WHERE id IN ("
					+ String.join(",", samples.stream().map(l -> l.get("id").toString()).toList()) + ")")
			.query()
			.listOfRows();
		assertThat(after).containsExactlyInAnyOrderElementsOf(samples);
	}

	@Test
	void schoolConditionsAndStaffOutsideTheScopeAreNotFound() throws Exception {
		List<String> schools = List.of("KZ-61-D08-S001", "KZ-61-D08-S002", "KZ-61-D01-S001", "KZ-59-D01-S001");
		long staff = jdbc.sql("SELECT COUNT(*) FROM staff_member").query(Long.class).single();
		for (String user : Demo.ALL) {
			String scope = scopeOf(user);
			for (String code : schools) {
				String path = jdbc.sql("SELECT path FROM organisation WHERE code = :c")
					.param("c", code)
					.query(String.class)
					.single();
				boolean inside = path.startsWith(scope);
				for (String read : List.of("/api/v1/schools/{c}/conditions", "/api/v1/schools/{c}/evaluation",
						"/schools/{c}/conditions")) {
					var request = read.startsWith("/api") ? get(read, code)
							: get(read, code).accept(MediaType.TEXT_HTML);
					assertThat(status(request, user)).as("%s reads %s %s", user, read, code)
						.isEqualTo(inside ? 200 : 404);
				}
				int staffRead = status(get("/api/v1/schools/{c}/staff", code), user);
				assertThat(staffRead).as("%s reads staff of %s", user, code)
					.isEqualTo(!inside ? 404 : user.equals(Demo.RESEARCHER) ? 403 : 200);
				int write = status(post("/api/v1/schools/{c}/staff", code).contentType(MediaType.APPLICATION_JSON)
					.content("{\"fte\":-1}"), user);
				assertThat(write).as("%s adds staff to %s", user, code).isIn(inside ? List.of(400, 403) : List.of(404));
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_member").query(Long.class).single()).isEqualTo(staff);
	}

	/** Where a user sees children: their scope, the whole region for a PMPC. */
	private String learnerScopeOf(String username) {
		String scope = scopeOf(username);
		if (username.equals(Demo.PMPC)) {
			String[] parts = scope.split("/");
			return "/" + parts[1] + "/" + parts[2] + "/";
		}
		return scope;
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
