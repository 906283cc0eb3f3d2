package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports over the API: a register in the caller's scope, audited per child, the same
 * file as the page gives the same user; and the exchange in the OpenAPI description.
 */
@BarshagaTest
class ExportApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExportIsTheCallersScopeAuditedPerChildAndTheSameFileAsThePages() throws Exception {
		String school = jdbc.sql("SELECT scope_path FROM app_user WHERE username = ?")
			.param(Demo.SCHOOL)
			.query(String.class)
			.single();
		List<String> pupils = jdbc
			.sql("SELECT DISTINCT e.iin FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id"
					+ " WHERE o.path LIKE ?")
			.param(school + "%")
			.query(String.class)
			.list();
		assertThat(pupils).isNotEmpty();
		String csv = mvc.perform(get("/api/v1/exports/enrolment").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("enrolment.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().skip(1).toList();
		int schoolColumn = Arrays.asList(ImportTests.HEADER.split(",")).indexOf("school_code");
		String code = jdbc.sql("SELECT code FROM organisation WHERE path = ?")
			.param(school)
			.query(String.class)
			.single();
		assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[schoolColumn]).isEqualTo(code));
		long event = jdbc.sql("SELECT MAX(id) FROM audit_event WHERE action = 'EXPORT' AND actor = ?")
			.param(Demo.SCHOOL)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT record_id FROM audit_event_subject WHERE event_id = ? AND record_type = ?")
			.params(event, "enrolment_pupil")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(pupils);

		// the learners' register with its health columns, as the page gives it to the
		// same
		// user
		byte[] api = mvc.perform(get("/api/v1/exports/learners").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] page = mvc.perform(get("/exchange/exports/learners.csv").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(api).isEqualTo(page);
		mvc.perform(get("/api/v1/exports/learners").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOpenApiDescriptionListsTheExchange() throws Exception {
		mvc.perform(get("/api/openapi").with(as(Demo.MINISTRY)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/imports'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/imports'].post.requestBody.content['text/csv']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/imports/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/imports/{id}/report.csv'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/exports/{layout}'].get").exists());
	}

}
