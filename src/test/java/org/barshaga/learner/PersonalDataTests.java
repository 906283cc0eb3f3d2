package org.barshaga.learner;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A parent's request: the coordinator issues the child's whole record as a PDF and as
 * JSON in the requester's language, each export audited against the child; a child
 * outside the issuer's scope, another role or a guardian not on record is refused with
 * nothing audited.
 */
@BarshagaTest
@Transactional
class PersonalDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWholeRecordAsPdfAndJsonInTheRequestersLanguageEachExportAudited() throws Exception {
		ChildFixture fixture = new ChildFixture(jdbc);
		ChildFixture.Child child = fixture.rich(fixture.unusedIin(LocalDate.of(2015, 9, 1), Sex.MALE),
				fixture.organisationOf(Demo.SCHOOL));
		mvc.perform(get("/learners/" + child.id() + "?lang=en").with(Demo.as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/learners/" + child.id() + "/parent-request")));
		mvc.perform(get("/learners/" + child.id() + "/parent-request?lang=ru").with(Demo.as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Эрасова Гүлнар")));

		byte[] pdf = mvc.perform(request(child, "PDF", "ru"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = pdfText(pdf);
		assertThat(text).contains("Персональные данные ребёнка: Эрасов Тимур", child.iin(), "Эрасова Гүлнар",
				"Сведения об обработке данных", "Срок хранения", "Заключения ПМПК", "Логопед", "Цели планов",
				"asks for help in words", "Занятия поддержки", "Вспомогательные средства", "Четвертные результаты",
				"Регистр здравоохранения", "HR-" + child.iin(), "Регистр социальных выплат", "Сопоставления регистров",
				"Запросы о помощи, где назван ребёнок", "Тимур does not speak in class", "История записи");
		assertThat(pdfText(mvc.perform(request(child, "PDF", "kk")).andReturn().getResponse().getContentAsByteArray()))
			.contains("Баланың дербес деректері: Эрасов Тимур", "ПМПК қорытындылары", "Денсаулық сақтау тіркелімі");

		String json = mvc.perform(request(child, "JSON", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(json, "$.child.iin")).isEqualTo(child.iin());
		assertThat((String) JsonPath.read(json, "$.requestedBy")).isEqualTo("Эрасова Гүлнар");
		assertThat((List<String>) JsonPath.read(json, "$.sections[*].section")).contains("identity", "guardians",
				"consents", "conclusions", "functioning", "enrolments", "plans", "sessions", "devices",
				"enrolment_extract", "term_results", "term_attendance", "school_leavers", "health_registry",
				"social_benefits", "register_matches", "support_requests", "record_history");
		assertThat((List<String>) JsonPath.read(json, "$.sections[?(@.section == 'identity')].rows[0].surname"))
			.containsExactly("Эрасов");
		assertThat((List<String>) JsonPath.read(json, "$.sections[?(@.section == 'conclusions')].rows[0].form"))
			.containsExactly("Inclusive class in a general school");
		assertThat(
				(List<Map<String, String>>) JsonPath.read(json, "$.sections[?(@.section == 'term_results')].rows[*]"))
			.hasSize(1);
		assertThat((List<String>) JsonPath.read(json, "$.sections[?(@.section == 'record_history')].rows[*].action"))
			.as("the history lists the exports made before this one")
			.contains("Exported");

		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id
				WHERE e.action = 'EXPORT' AND e.record_type = 'learner' AND e.record_id = :id
					AND s.record_type = 'learner' AND s.record_id = :id AND e.actor = :actor""")
			.param("id", String.valueOf(child.id()))
			.param("actor", Demo.SCHOOL)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'EXPORT' AND record_id = :id ORDER BY id")
			.param("id", String.valueOf(child.id()))
			.query(String.class)
			.list()).allMatch(detail -> detail.contains("guardian " + child.guardian()) && !detail.contains("Эрас"));
	}

	@Test
	void aChildOutsideTheScopeAnotherRoleOrAGuardianNotOnRecordIsRefusedWithNothingAudited() throws Exception {
		ChildFixture fixture = new ChildFixture(jdbc);
		long elsewhere = jdbc.sql("""
				SELECT MIN(id) FROM organisation WHERE type = 'GENERAL_SCHOOL'
				AND path NOT LIKE (SELECT scope_path FROM app_user WHERE username = :u) || '%'""")
			.param("u", Demo.SCHOOL)
			.query(Long.class)
			.single();
		ChildFixture.Child outside = fixture.rich(fixture.unusedIin(LocalDate.of(2014, 3, 2), Sex.MALE), elsewhere);
		long inside = fixture.plain(null, "Ішкі", fixture.organisationOf(Demo.SCHOOL), LocalDate.now());
		long exportsBefore = exports();

		mvc.perform(request(outside, "PDF", "ru")).andExpect(status().isNotFound());
		mvc.perform(get("/learners/" + outside.id() + "/parent-request?lang=ru").with(Demo.as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/learners/" + inside + "/parent-request?lang=ru").with(Demo.as(Demo.SCHOOL))
			.with(csrf())
			.param("guardian", String.valueOf(outside.guardian()))
			.param("requestedOn", LocalDate.now().toString())
			.param("format", "PDF"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("выберите законного представителя из записи ребёнка")));
		mvc.perform(post("/learners/" + inside + "/parent-request?lang=en").with(Demo.as(Demo.SCHOOL))
			.with(csrf())
			.param("guardian", guardianOf(inside))
			.param("requestedOn", LocalDate.now().plusDays(3).toString())
			.param("format", "PDF"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("the date cannot be in the future")));
		mvc.perform(post("/learners/" + inside + "/parent-request").with(Demo.as(Demo.SPECIALIST))
			.with(csrf())
			.param("guardian", guardianOf(inside))
			.param("requestedOn", LocalDate.now().toString())
			.param("format", "PDF")).andExpect(status().isForbidden());
		assertThat(exports()).isEqualTo(exportsBefore);
	}

	private MockHttpServletRequestBuilder request(ChildFixture.Child child, String format, String lang) {
		return post("/learners/" + child.id() + "/parent-request?lang=" + lang).with(Demo.as(Demo.SCHOOL))
			.with(csrf())
			.param("guardian", String.valueOf(child.guardian()))
			.param("requestedOn", LocalDate.now().toString())
			.param("format", format);
	}

	private String guardianOf(long learner) {
		return String.valueOf(jdbc.sql("SELECT id FROM guardian WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single());
	}

	private long exports() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND record_type = 'learner'")
			.query(Long.class)
			.single();
	}

	private static String pdfText(byte[] pdf) throws java.io.IOException {
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
