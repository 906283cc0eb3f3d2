package org.barshaga.exchange;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text on the way in is normalised and names refused when they hide characters, by the
 * API, the pages and imports alike; faults are answered in the user's language, never
 * with the server's own error text.
 */
@BarshagaTest
class TextAndFaultTests {

	/** Names that look like ordinary ones but are not. */
	static final List<String> DECEPTIVE = List.of("Ас\u0000ан", "Асан\u202Eвоне", "Ас\u200Bан", "Aсан", "Бoлат");

	static final String LEARNERS_HEADER = "iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,"
			+ "disability,home_unit_code,school_code";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportJob importJob;

	@Autowired
	Exporter exporter;

	@TempDir
	Path dir;

	@Test
	void deceptiveNamesAreRefusedByTheApiInTheUsersLanguage() throws Exception {
		for (String name : DECEPTIVE) {
			MockHttpServletResponse response = mvc
				.perform(post("/api/v1/learners").header("Accept-Language", "ru")
					.contentType(MediaType.APPLICATION_JSON)
					.content(learner(iin(1), name))
					.with(as(Demo.DISTRICT_SARYAGASH)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(name).isEqualTo(400);
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).as(name).containsExactly("surname");
			assertThat(JsonPath.<String>read(body, "$.errors[0].message")).as(name)
				.containsAnyOf("невидимый или управляющий", "смешаны буквы разных алфавитов");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?").param(iin(1)).query(Long.class).single())
			.isZero();
	}

	@Test
	void aNameTypedWithACombiningMarkIsStoredInNfc() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/api/v1/learners").contentType(MediaType.APPLICATION_JSON)
				.content(learner(iin(2), "Арте\u0438\u0306"))
				.with(as(Demo.DISTRICT_SARYAGASH)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT surname FROM learner WHERE iin = ?").param(iin(2)).query(String.class).single())
			.isEqualTo("Артей");
	}

	@Test
	void deceptiveNamesAreRefusedByThePagesAndByImports() throws Exception {
		mvc.perform(post("/learners").param("lang", "en")
			.param("iin", iin(3))
			.param("surname", "Тестов")
			.param("givenName", "Ер\u200Dлан")
			.param("birthDate", Iin.birthDate(iin(3)).toString())
			.param("sex", "MALE")
			.param("citizenship", "KZ")
			.param("language", "KK")
			.param("disability", "NONE")
			.param("homeUnitCode", "KZ-61-D08")
			.with(as(Demo.DISTRICT_SARYAGASH))
			.with(csrf())
			.accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("invisible or control character (U+200D) at position 3")));

		StringBuilder file = new StringBuilder(LEARNERS_HEADER);
		for (int i = 0; i < DECEPTIVE.size(); i++) {
			String iin = iin(10 + i);
			file.append("\r\n")
				.append(iin)
				.append(",\"")
				.append(DECEPTIVE.get(i))
				.append("\",Тест,,")
				.append(Iin.birthDate(iin))
				.append(",MALE,KZ,KK,NONE,KZ-61-D08,");
		}
		String decomposed = iin(20);
		file.append("\r\n" + decomposed + ",Арте\u0438\u0306,Тест,," + Iin.birthDate(decomposed)
				+ ",MALE,KZ,KK,NONE,KZ-61-D08,");
		Path path = dir.resolve("learners.csv");
		Files.writeString(path, file, StandardCharsets.UTF_8);
		String out = run(importJob, "--type", "learners", "--file", path.toString(), "--mode", "valid-rows", "--lang",
				"en");
		assertThat(out).contains("5 rejected", "1 written")
			.contains("mixes letters of different alphabets", "invisible or control character (U+0000)", "(U+202E)",
					"(U+200B)");
		assertThat(jdbc.sql("SELECT surname FROM learner WHERE iin = ?").param(decomposed).query(String.class).single())
			.isEqualTo("Артей");
	}

	@Test
	void aCsvWithCarriageReturnsAloneIsReadAndAnEmptyFileIsCalledEmpty() throws Exception {
		String iin = iin(30);
		Path crOnly = dir.resolve("cr.csv");
		Files.writeString(crOnly,
				LEARNERS_HEADER + "\r" + iin + ",Тестов,Тест,," + Iin.birthDate(iin) + ",MALE,KZ,KK,NONE,KZ-61-D08,\r",
				StandardCharsets.UTF_8);
		String out = run(importJob, "--type", "learners", "--file", crOnly.toString(), "--lang", "en");
		assertThat(out).contains("COMPLETED", "1 written").doesNotContain("state");

		Path empty = dir.resolve("empty.csv");
		Files.write(empty, new byte[0]);
		assertThat(run(importJob, "--type", "learners", "--file", empty.toString(), "--lang", "en"))
			.contains("The file is empty")
			.doesNotContain("state");
		assertThat(run(importJob, "--type", "learners", "--file", empty.toString(), "--lang", "ru"))
			.contains("Файл пуст");
	}

	@Test
	void anXlsxExportTooLargeForOneSheetIsRefusedWithAPageInTheUsersLanguage() throws Exception {
		int limit = exporter.xlsxRows;
		exporter.xlsxRows = 1;
		try {
			mvc.perform(get("/exchange/exports/staff.xlsx").param("lang", "ru").with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().is(422))
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(
						allOf(containsString("не помещаются на один лист XLSX"), not(containsString("Exception")))));
			mvc.perform(get("/exchange/exports/staff.csv").with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isOk());
		}
		finally {
			exporter.xlsxRows = limit;
		}
	}

	private static String run(ImportJob job, String... arguments) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		job.run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String learner(String iin, String surname) {
		return """
				{"iin":"%s","surname":"%s","givenName":"Тест","birthDate":"%s","sex":"MALE","citizenship":"KZ",
				 "language":"RU","homeUnitCode":"KZ-61-D08"}""".formatted(iin,
				surname.replace("\u0000", "\\u0000").replace("\u202E", "\\u202e"), Iin.birthDate(iin));
	}

	private static String iin(int n) {
		return Iin.of(LocalDate.of(2014, 4, 1).plusDays(n), Sex.MALE, 7700 + n);
	}

}
