package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exchange pages as a school coordinator and officers use them: a template
 * downloaded, filled in and uploaded, the run followed to its report, exports inside the
 * user's scope.
 */
@BarshagaTest
class ExchangePagesTests {

	static final String STAFF_HEADER = "school_code,iin,full_name,position,fte,qualification,started_on,ended_on";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorDownloadsATemplateFillsItInAndReadsTheReport() throws Exception {
		MvcResult template = mvc.perform(get("/exchange/templates/staff.xlsx?lang=kk").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn();
		java.nio.file.Path xlsx = java.nio.file.Files.createTempFile("template", ".xlsx");
		java.nio.file.Files.write(xlsx, template.getResponse().getContentAsByteArray());
		try (XlsxRecords sheet = new XlsxRecords(xlsx)) {
			assertThat(String.join(",", sheet.next().fields())).isEqualTo(STAFF_HEADER);
		}
		String csvTemplate = mvc.perform(get("/exchange/templates/staff.csv").with(as(Demo.SCHOOL)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csvTemplate).isEqualTo("\uFEFF" + STAFF_HEADER + "\r\n");

		String good = Iin.of(LocalDate.of(1990, 4, 5), Sex.FEMALE, 7101);
		String other = Iin.of(LocalDate.of(1991, 4, 5), Sex.MALE, 7102);
		String file = String.join("\n", STAFF_HEADER,
				"KZ-61-D08-S001," + good + ",Гүлнар Сапарова,SPEECH_THERAPIST,1,Логопед,2024-09-01,",
				"KZ-61-D08-S001," + other + ",Ерлан Қасымов,TUTOR,3,,2024-09-01,");
		long run = upload(Demo.SCHOOL, "staff", file, "valid-rows");
		mvc.perform(get("/exchange/runs/" + run + "?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Completed"), containsString("must be between 0.01 and 2"),
					not(containsString("hx-trigger")), not(containsString("??")))));
		String report = mvc.perform(get("/exchange/runs/" + run + "/report.csv?lang=ru").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).startsWith("\uFEFFСтрока,Столбец,Значение,Причина")
			.contains("3,fte,3,должно быть от 0.01 до 2");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_member WHERE iin IN (?, ?)")
			.params(good, other)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/exchange/runs/" + run + "/progress").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"run-progress\"")));
		mvc.perform(get("/exchange/runs/" + run).with(as(Demo.RESEARCHER))).andExpect(status().isNotFound());
		jdbc.sql("DELETE FROM staff_member WHERE iin = ?").param(good).update();
	}

	@Test
	void anUploadWithoutRegisterOrFileSaysWhatIsMissing() throws Exception {
		mvc.perform(multipart("/exchange/imports").param("mode", "valid-rows")
			.param("lang", "en")
			.with(as(Demo.SCHOOL))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("choose the register the file belongs to"), containsString("choose a file"))));
		mvc.perform(multipart("/exchange/imports")
			.file(new MockMultipartFile("file", "staff.pdf", "application/pdf", new byte[] { 1, 2 }))
			.param("register", "staff")
			.param("mode", "valid-rows")
			.param("lang", "en")
			.with(as(Demo.SCHOOL))
			.with(csrf())).andExpect(content().string(containsString("the file must be .csv or .xlsx")));
	}

	@Test
	void exportsStayInsideTheUsersScopeAndAreAudited() throws Exception {
		String staff = mvc.perform(get("/exchange/exports/staff.csv").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(List.of(staff.split("\r\n")));
		assertThat(lines.get(0)).isEqualTo("\uFEFF" + STAFF_HEADER);
		assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(line -> line.startsWith("KZ-61-D08-"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND actor = ?")
			.param(Demo.DISTRICT_SARYAGASH)
			.query(Long.class)
			.single()).isPositive();
		mvc.perform(get("/exchange/exports/learners.csv").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/exchange").with(as(Demo.RESEARCHER)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
		mvc.perform(get("/exchange?lang=en").with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Enrolment extract (all pupils)"),
					containsString("Health registry extract"), not(containsString("/exchange/exports/staff.csv")))));
	}

	private long upload(String user, String register, String text, String mode) throws Exception {
		return PageImports.upload(mvc, jdbc, user, register, text, mode);
	}

}
