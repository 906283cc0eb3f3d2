package org.barshaga.reporting;

import java.util.List;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

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
 * The rules pages: administrators add rules and publish versions, with every problem of a
 * side shown in the user's language and nothing written; the Ministry reads them, others
 * may not.
 */
@BarshagaTest
class RulePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ValidationRules rules;

	@Test
	@Transactional
	void anAdministratorAddsARuleAndEachChangeIsANewVersionWhileTheOldStaysReadable() throws Exception {
		long before = versions();
		submit(post("/admin/validation-rules?lang=ru"), "TEST_PAGES_RULE", "PUPILS +", "TEACHERS / (3 - 3)", 0)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("выражение оборвано на позиции 9"),
					containsString("деление на ноль на позиции 10"), containsString("href=\"#field-left\""))));
		submit(post("/admin/validation-rules?lang=en"), "TEST_PAGES_RULE", "PUPILS + ELEVATORS", "TEACHERS", 0)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("ELEVATORS at character 10 is not a measure")));
		submit(post("/admin/validation-rules?lang=kk"), "TEST_PAGES_RULE", "PUPILS )", "TEACHERS", 0)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("8-таңбадағы «)» мұнда күтілмеген")));
		assertThat(versions()).as("nothing is written for a refused rule").isEqualTo(before);
		submit(post("/admin/validation-rules"), "test_pages_rule", "PUPILS", "30 × TEACHERS", 0)
			.andExpect(status().is3xxRedirection());
		ValidationRule added = rules.rule("TEST_PAGES_RULE");
		assertThat(added.current().formula()).isEqualTo("PUPILS ≤ 30 * TEACHERS");
		submit(post("/admin/validation-rules"), "TEST_PAGES_RULE", "PUPILS", "TEACHERS", 0)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("TEST_PAGES_RULE")));
		submit(post("/admin/validation-rules/TEST_PAGES_RULE"), null, "PUPILS", "25 * TEACHERS", 1)
			.andExpect(status().is3xxRedirection());
		submit(post("/admin/validation-rules/TEST_PAGES_RULE?lang=en"), null, "PUPILS", "20 * TEACHERS", 1)
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else changed this record")));
		List<ValidationRule.Version> versions = rules.rule("TEST_PAGES_RULE").versions();
		assertThat(versions).extracting(ValidationRule.Version::version).containsExactly(2, 1);
		assertThat(versions.get(1).right()).as("the earlier version stays as it was").isEqualTo("30 * TEACHERS");
		assertThat(versions.get(0).right()).isEqualTo("25 * TEACHERS");
		page(Demo.ADMIN, get("/admin/validation-rules/TEST_PAGES_RULE?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("30 * TEACHERS"), containsString("25 * TEACHERS"))));
		assertThat(jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_event WHERE record_type = 'validationRule' AND record_id = 'TEST_PAGES_RULE'""")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theMinistryReadsTheRulesAndOnlyAdministratorsWriteThem() throws Exception {
		page(Demo.MINISTRY, get("/admin/validation-rules?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("SEN_PUPILS_WITHIN_PUPILS"),
					containsString("The school has more learners with special educational needs enrolled than pupils."),
					not(containsString("/admin/validation-rules/new")))));
		page(Demo.MINISTRY, get("/admin/validation-rules/SEN_PUPILS_WITHIN_PUPILS?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<form method=\"post\" class=\"form\""))));
		page(Demo.MINISTRY, get("/admin/validation-rules/new")).andExpect(status().isForbidden());
		submit(Demo.MINISTRY, post("/admin/validation-rules/SEN_PUPILS_WITHIN_PUPILS"), null, "PUPILS", "PUPILS", 1)
			.andExpect(status().isForbidden());
		page(Demo.DISTRICT_SARYAGASH, get("/admin/validation-rules")).andExpect(status().isForbidden());
		page(Demo.ADMIN, get("/admin/validation-rules/NO_SUCH_RULE")).andExpect(status().isNotFound());
		assertThat(rules.rule("SEN_PUPILS_WITHIN_PUPILS").versions()).hasSize(1);
	}

	private ResultActions submit(MockHttpServletRequestBuilder request, String code, String left, String right,
			int version) throws Exception {
		return submit(Demo.ADMIN, request, code, left, right, version);
	}

	private ResultActions submit(String user, MockHttpServletRequestBuilder request, String code, String left,
			String right, int version) throws Exception {
		if (code != null) {
			request = request.param("code", code);
		}
		return mvc.perform(request.param("left", left)
			.param("operator", "LESS_OR_EQUAL")
			.param("right", right)
			.param("importance", "LOW")
			.param("missing", "SKIP")
			.param("messageKk", "Тест")
			.param("messageRu", "Тест")
			.param("messageEn", "Test")
			.param("active", "true")
			.param("version", String.valueOf(version))
			.with(as(user))
			.with(csrf())
			.accept(MediaType.TEXT_HTML));
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private long versions() {
		return jdbc.sql("SELECT COUNT(*) FROM validation_rule_version").query(Long.class).single();
	}

}
