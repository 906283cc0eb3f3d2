package org.barshaga.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.MultipartConfigElement;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.registry.KatoImport;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: a bounded upload cannot exhaust the server's memory. Each file here is built to
 * make the reader hold more than the server has (a workbook part that inflates a thousand
 * times, a cell of megabytes, a quote that never closes, millions of rows, a row reaching
 * past the last column, a file over the upload size). Each is uploaded through the pages,
 * in "check only" mode, by a school coordinator, and must be refused with a message
 * naming what is wrong, in the user's language, while the server keeps answering.
 */
@BarshagaTest
class UploadBoundsAttackTests {

	static final String STAFF_HEADER = "school_code,iin,full_name,position,fte,qualification,started_on,ended_on";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MultipartConfigElement multipart;

	@Autowired
	KatoImport kato;

	@TempDir
	Path dir;

	@Test
	void aWellFormedWorkbookBuiltHereIsRead() throws Exception {
		Path workbook = workbook("plain.xlsx", sheet -> {
			row(sheet, 2, "KZ-61-D08-S001", "not-an-iin");
		});
		long run = upload(workbook, "all-or-nothing");
		assertThat(runStatus(run)).isEqualTo("REJECTED");
		assertThat(jdbc.sql("SELECT rows_read FROM import_run WHERE id = ?").param(run).query(Long.class).single())
			.isEqualTo(1);
	}

	/**
	 * The attack of the issue: one inline cell of a small workbook inflating to
	 * gigabytes.
	 */
	@Test
	void aCellThatInflatesToGigabytesIsRefusedAfterItsFirstKilobytes() throws Exception {
		char[] chunk = new char[1 << 16];
		Arrays.fill(chunk, 'A');
		Path bomb = workbook("bomb.xlsx", sheet -> {
			sheet.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
			for (int i = 0; i < 1024; i++) {
				sheet.write(chunk);
			}
			sheet.write("</t></is></c></row>");
		});
		assertThat(Files.size(bomb)).as("the bomb is small").isLessThan(1_000_000);
		long run = upload(bomb, "all-or-nothing");
		assertRefused(run, "exchange.problem.xlsxToken",
				"The part xl/worksheets/sheet1.xml of the workbook holds a tag or text longer than a cell of 32767 characters could need");
		stillAnswering();
	}

	/** Cells each within bounds, so many that the sheet inflates a thousand times. */
	@Test
	void aSheetThatInflatesAThousandTimesIsRefusedByItsRatioBeforeItIsUnpacked() throws Exception {
		String cell = "<row><c t=\"inlineStr\"><is><t>" + "A".repeat(30_000) + "</t></is></c></row>";
		Path bomb = workbook("rows-bomb.xlsx", sheet -> {
			for (int i = 0; i < 4_000; i++) {
				sheet.write(cell);
			}
		});
		assertThat(Files.size(bomb)).as("the bomb is small").isLessThan(1_000_000);
		long run = upload(bomb, "all-or-nothing");
		assertRefused(run, "exchange.problem.xlsxRatio",
				"The part xl/worksheets/sheet1.xml of the workbook unpacks to more than 100 times its packed size");
		assertRefusedInRussian(run, "Часть xl/worksheets/sheet1.xml книги распаковывается более чем в 100 раз");
		stillAnswering();
	}

	@Test
	void anOverLongCellIsRefusedInAWorkbookAndInCsv() throws Exception {
		String longText = randomLetters(40_000);
		Path workbook = workbook("long.xlsx", sheet -> row(sheet, 2, "KZ-61-D08-S001", longText));
		assertRefused(upload(workbook, "valid-rows"), "exchange.problem.cellTooLong",
				"Line 2 has a cell longer than 32767 characters");

		Path huge = workbook("huge.xlsx", sheet -> row(sheet, 2, "KZ-61-D08-S001", randomLetters(300_000)));
		assertRefused(upload(huge, "valid-rows"), "exchange.problem.xlsxToken",
				"The part xl/worksheets/sheet1.xml of the workbook holds a tag or text longer");

		Path csv = csv("long.csv", STAFF_HEADER + "\nKZ-61-D08-S001," + longText + ",x,TUTOR,1,,2024-09-01,\n");
		assertRefused(upload(csv, "valid-rows"), "exchange.problem.cellTooLong",
				"Line 2 has a cell longer than 32767 characters");

		StringBuilder unclosed = new StringBuilder(STAFF_HEADER).append("\nKZ-61-D08-S001,\"0");
		for (int i = 0; i < 20_000; i++) {
			unclosed.append("\nKZ-61-D08-S001,000000000000,x,TUTOR,1,,2024-09-01,");
		}
		assertRefused(upload(csv("unclosed.csv", unclosed.toString()), "valid-rows"), "exchange.problem.cellTooLong",
				"If a quote opens in that line, check that it is closed");
		stillAnswering();
	}

	@Test
	void aRowPastTheLastColumnAndADocumentTypeAreRefused() throws Exception {
		Path wide = workbook("wide.xlsx",
				sheet -> sheet.write("<row r=\"2\"><c r=\"ZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));
		assertRefused(upload(wide, "valid-rows"), "exchange.problem.xlsxColumns",
				"has more than 16384 cells, or a cell beyond the last column of Excel");

		Path typed = workbook("doctype.xlsx", sheet -> sheet.write("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"));
		assertRefused(upload(typed, "valid-rows"), "exchange.problem.xlsxMarkup", "document type declaration");
	}

	@Test
	void anImportStopsAtItsRowLimitWhileCountingEveryRejection() throws Exception {
		Path rows = dir.resolve("rows.csv");
		try (Writer out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
			out.write(STAFF_HEADER + "\n");
			for (int i = 0; i < 4_000_001; i++) {
				out.write("x\n");
			}
		}
		long run = upload(rows, "valid-rows");
		assertRefused(run, "exchange.problem.tooManyRows", "The file has more than 4000000 rows");
		long stored = jdbc.sql("SELECT COUNT(*) FROM import_rejection WHERE run_id = ?")
			.param(run)
			.query(Long.class)
			.single();
		assertThat(stored).as("problems stored for the report").isEqualTo(5_001);
		assertThat(jdbc.sql("SELECT rows_rejected FROM import_run WHERE id = ?").param(run).query(Long.class).single())
			.isEqualTo(4_000_000);
		mvc.perform(get("/exchange/runs/" + run + "?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString(
					"4,000,000 rows were rejected in all; the report lists only the first 5,000 problems")));
		stillAnswering();
	}

	@Test
	void anUploadOverTheSizeLimitIsRefusedInTheUsersLanguage() throws Exception {
		assertThat(multipart.getMaxFileSize()).as("the container's upload limit").isEqualTo(512L * 1024 * 1024);
		MockMultipartFile big = new MockMultipartFile("file", "big.csv", "text/csv",
				STAFF_HEADER.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public long getSize() {
				return 513L * 1024 * 1024;
			}
		};
		mvc.perform(multipart("/exchange/imports").file(big)
			.param("register", "staff")
			.param("mode", "valid-rows")
			.param("lang", "ru")
			.with(as(Demo.SCHOOL))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("файл слишком большой: файл CSV может быть не больше 512 МБ")));
		mvc.perform(get("/exchange?tooLarge=true&lang=en").with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString("the file is too large: a CSV file may be at most 512 MB")));
	}

	@Test
	void anOverSizeClassifierIsRefusedWithoutBeingHeld() {
		InputStream blankLines = new InputStream() {

			private long left = 40L * 1024 * 1024;

			@Override
			public int read() {
				return left-- > 0 ? (left % 2 == 0 ? '\n' : ',') : -1;
			}

		};
		KatoImport.Report report = kato.run(new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION),
				new java.io.BufferedInputStream(blankLines, 1 << 16), LocalDate.of(2026, 1, 1), true);
		assertThat(report.problems()).extracting(KatoImport.LineProblem::messageKey)
			.containsExactly("kato.error.tooLarge");
		assertThat(report.applied()).isFalse();
	}

	private void stillAnswering() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
		mvc.perform(get("/exchange").with(as(Demo.ADMIN))).andExpect(status().isOk());
	}

	private void assertRefused(long run, String key, String english) throws Exception {
		assertThat(runStatus(run)).isEqualTo("REFUSED");
		assertThat(jdbc.sql("SELECT problem_key FROM import_run WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo(key);
		mvc.perform(get("/exchange/runs/" + run + "?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(english)));
	}

	private void assertRefusedInRussian(long run, String russian) throws Exception {
		mvc.perform(get("/exchange/runs/" + run + "?lang=ru").with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString(russian)));
	}

	private String runStatus(long run) {
		return jdbc.sql("SELECT status FROM import_run WHERE id = ?").param(run).query(String.class).single();
	}

	private static String randomLetters(int length) {
		Random random = new Random(length);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	private Path csv(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	interface SheetRows {

		void write(Writer sheet) throws IOException;

	}

	private static void row(Writer sheet, int number, String... values) throws IOException {
		sheet.write("<row r=\"" + number + "\">");
		for (int i = 0; i < values.length; i++) {
			sheet.write(
					"<c r=\"" + (char) ('A' + i) + number + "\" t=\"inlineStr\"><is><t>" + values[i] + "</t></is></c>");
		}
		sheet.write("</row>");
	}

	/**
	 * A minimal workbook as Excel writes it, with the staff header and the rows given.
	 */
	private Path workbook(String name, SheetRows rows) throws IOException {
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
							<Default Extension="xml" ContentType="application/xml"/>\
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
							<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
							</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
							</Relationships>""");
			entry(zip, "xl/styles.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
					<cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			sheet.write("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
			row(sheet, 1, STAFF_HEADER.split(","));
			rows.write(sheet);
			sheet.write("</sheetData></worksheet>");
			sheet.flush();
			zip.closeEntry();
		}
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/**
	 * Uploads a file in "check only" mode as a school coordinator and waits for its run.
	 */
	private long upload(Path file, String mode) throws Exception {
		String name = file.getFileName().toString();
		MvcResult result = mvc
			.perform(multipart("/exchange/imports")
				.file(new MockMultipartFile("file", name,
						name.endsWith(".xlsx") ? "application/octet-stream" : "text/csv", Files.readAllBytes(file)))
				.param("register", "staff")
				.param("mode", mode)
				.param("dryRun", "true")
				.with(as(Demo.SCHOOL))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long run = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		for (int i = 0; i < 1200; i++) {
			if (!runStatus(run).equals("RUNNING")) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The import did not finish");
	}

}
