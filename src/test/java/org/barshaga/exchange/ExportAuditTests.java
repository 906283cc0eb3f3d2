package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports and import reports are audited against every child they held, so that a child's
 * read history shows them; exports read learners in the same scope as every other read.
 */
@BarshagaTest
class ExportAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyChildOfALearnersExportFindsTheExportInItsReadHistory() throws Exception {
		String school = schoolPath(Demo.SCHOOL);
		List<Long> children = jdbc.sql("SELECT id FROM learner WHERE iin IS NOT NULL AND path LIKE ? ORDER BY id")
			.param(school + "%")
			.query(Long.class)
			.list();
		assertThat(children).hasSizeGreaterThan(1);
		String csv = download("/exchange/exports/learners.csv", Demo.SCHOOL);
		assertThat(csv.split("\r\n")).hasSize(children.size() + 1);
		long event = lastExport(Demo.SCHOOL);
		assertThat(subjects(event, "learner")).containsExactlyInAnyOrderElementsOf(ids(children));

		// the child's read history, as the audit shows it
		String history = mvc
			.perform(get("/api/v1/audit").param("recordType", "learner")
				.param("recordId", String.valueOf(children.get(0)))
				.with(as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(history, "$.items[?(@.action == 'EXPORT')].id")).contains((int) event);
		mvc.perform(get("/audit").param("recordType", "learner")
			.param("recordId", String.valueOf(children.get(children.size() - 1)))
			.param("lang", "en")
			.with(as(Demo.ADMIN))).andExpect(status().isOk()).andExpect(content().string(containsString("learners: ")));
	}

	@Test
	void conclusionsAsXlsxTheHealthRegistryAndTheEnrolmentExtractAreAuditedPerChild() throws Exception {
		String school = schoolPath(Demo.SCHOOL);
		List<Long> concluded = jdbc
			.sql("SELECT DISTINCT l.id FROM conclusion c JOIN learner l ON l.id = c.learner_id"
					+ " WHERE l.iin IS NOT NULL AND l.path LIKE ?")
			.param(school + "%")
			.query(Long.class)
			.list();
		assertThat(concluded).isNotEmpty();
		mvc.perform(get("/exchange/exports/conclusions.xlsx").with(as(Demo.SCHOOL))).andExpect(status().isOk());
		assertThat(subjects(lastExport(Demo.SCHOOL), "learner")).containsExactlyInAnyOrderElementsOf(ids(concluded));

		String district = jdbc.sql("SELECT scope_path FROM app_user WHERE username = ?")
			.param(Demo.DISTRICT_SARYAGASH)
			.query(String.class)
			.single();
		List<String> records = jdbc.sql("SELECT record_id FROM health_registry_record WHERE path LIKE ?")
			.param(district + "%")
			.query(String.class)
			.list();
		assertThat(records).isNotEmpty();
		download("/exchange/exports/health_registry.csv", Demo.DISTRICT_SARYAGASH);
		assertThat(subjects(lastExport(Demo.DISTRICT_SARYAGASH), "health_record"))
			.containsExactlyInAnyOrderElementsOf(records);

		List<String> pupils = jdbc
			.sql("SELECT DISTINCT e.iin FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id"
					+ " WHERE o.path LIKE ?")
			.param(school + "%")
			.query(String.class)
			.list();
		assertThat(pupils).isNotEmpty();
		download("/exchange/exports/enrolment.csv", Demo.SCHOOL);
		assertThat(subjects(lastExport(Demo.SCHOOL), "enrolment_pupil")).containsExactlyInAnyOrderElementsOf(pupils);
	}

	@Test
	void anImportReportThatShowsAChildsIinIsAuditedAgainstThatChild() throws Exception {
		// a child of another region: the report says the IIN is not a learner of the
		// school
		long child = jdbc.sql("SELECT MIN(id) FROM learner WHERE iin IS NOT NULL AND path NOT LIKE '/KZ/KZ-61/%'")
			.query(Long.class)
			.single();
		String iin = jdbc.sql("SELECT iin FROM learner WHERE id = ?").param(child).query(String.class).single();
		String pmpc = jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC'").query(String.class).single();
		String file = "iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,form,conditions,"
				+ "next_review_on,services\r\n" + iin + ",AUD-1,2025-05-20," + pmpc
				+ ",SPEECH,GENERAL_ADAPTED,INCLUSIVE_CLASS,,2026-05-20,";
		long run = upload(Demo.SCHOOL, "conclusions", file);
		long before = readsOf(child);
		mvc.perform(get("/exchange/runs/" + run).with(as(Demo.SCHOOL))).andExpect(status().isOk());
		assertThat(readsOf(child)).isEqualTo(before + 1);
		mvc.perform(get("/exchange/runs/" + run + "/report.csv").with(as(Demo.SCHOOL))).andExpect(status().isOk());
		assertThat(readsOf(child)).isEqualTo(before + 2);
		String history = mvc
			.perform(get("/api/v1/audit").param("recordType", "learner")
				.param("recordId", String.valueOf(child))
				.with(as(Demo.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(history, "$.items[?(@.action == 'READ')].recordType"))
			.contains("import_run");
	}

	@Test
	void aPmpcSpecialistExportsTheLearnersItReads() throws Exception {
		String region = jdbc.sql("SELECT scope_path FROM app_user WHERE username = ?")
			.param(Demo.PMPC)
			.query(String.class)
			.single()
			.replaceAll("^(/KZ/[^/]+/).*", "$1");
		long inRegion = jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin IS NOT NULL AND path LIKE ?")
			.param(region + "%")
			.query(Long.class)
			.single();
		assertThat(inRegion).isPositive();
		String csv = download("/exchange/exports/learners.csv", Demo.PMPC);
		assertThat(csv.split("\r\n")).hasSize((int) inRegion + 1);
		assertThat(subjects(lastExport(Demo.PMPC), "learner")).hasSize((int) inRegion);
	}

	private long readsOf(long child) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id"
					+ " WHERE e.action = 'READ' AND e.record_type = 'import_run' AND s.record_type = 'learner'"
					+ " AND s.record_id = ?")
			.param(String.valueOf(child))
			.query(Long.class)
			.single();
	}

	private long lastExport(String user) {
		return jdbc.sql("SELECT MAX(id) FROM audit_event WHERE action = 'EXPORT' AND actor = ?")
			.param(user)
			.query(Long.class)
			.single();
	}

	private List<String> subjects(long event, String type) {
		return jdbc.sql("SELECT record_id FROM audit_event_subject WHERE event_id = ? AND record_type = ?")
			.params(event, type)
			.query(String.class)
			.list();
	}

	private static List<String> ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).toList();
	}

	private String schoolPath(String user) {
		return jdbc.sql("SELECT scope_path FROM app_user WHERE username = ?").param(user).query(String.class).single();
	}

	private String download(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long upload(String user, String register, String text) throws Exception {
		return PageImports.upload(mvc, jdbc, user, register, text, "valid-rows");
	}

}
