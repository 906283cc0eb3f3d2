package org.barshaga.exchange;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports through the service on the real database: the enrolment extract (the bulk path:
 * COPY on PostgreSQL, MERGE on H2) with every kind of bad input the layouts name, both
 * modes, dry runs and idempotent re-imports. Each test uses a school year of its own.
 */
@BarshagaTest
class ImportTests {

	static final Actor ADMIN = new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION);

	static final Actor SARYAGASH = new Actor(4, "district.saryagash", "District", Role.DISTRICT_OFFICER,
			new DataScope("/KZ/KZ-61/KZ-61-D08/"));

	static final String SCHOOL = "KZ-61-D08-S001";

	static final String HEADER = "school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,language";

	@Autowired
	Importer importer;

	@Autowired
	ImportRuns runs;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	int year;

	String elsewhere;

	@BeforeEach
	void chooseYear() {
		// a past year that no demo data uses: its pupils are born before today and of
		// school age on its 1 September
		year = 2008 + (int) (Math.abs(System.nanoTime()) % 16);
		elsewhere = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE path LIKE '/KZ/KZ-75/%' AND type = 'GENERAL_SCHOOL'")
			.query(String.class)
			.single();
	}

	@AfterEach
	void removeYear() {
		jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(year).update();
		jdbc.sql("DELETE FROM enrolment_count WHERE school_year = ?").param(year).update();
	}

	/** A pupil of about 11 on 1 September of the test's school year. */
	String iin(int n, Sex sex) {
		return Iin.of(LocalDate.of(year - 12, 1, 1).plusDays(n % 300), sex, 1000 + n);
	}

	String row(int n) {
		Sex sex = n % 2 == 0 ? Sex.FEMALE : Sex.MALE;
		String iin = iin(n, sex);
		return String.join(",", String.valueOf(year), iin, "Сейітова" + n, "Аружан", "Нұрланқызы",
				Iin.birthDate(iin).toString(), sex.name(), SCHOOL, "5", "KK");
	}

	Path file(String name, String... lines) throws IOException {
		Path path = dir.resolve(name);
		Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return path;
	}

	ImportRun run(Actor actor, Path file, ImportMode mode, boolean dryRun) throws IOException {
		return importer
			.run(new ImportRequest(actor, Register.ENROLMENT, file, file.getFileName().toString(), mode, dryRun), null);
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ?")
			.param(year)
			.query(Long.class)
			.single();
	}

	List<String> reasons(ImportRun run) {
		List<String> lines = new ArrayList<>();
		runs.rejections(run.id(), 1000)
			.forEach(r -> lines.add(r.line() + " " + r.column() + " " + r.reasonKey() + " "
					+ reports.reason(r, java.util.Locale.ENGLISH)));
		return lines;
	}

	@Test
	void aGoodFileIsImportedAndImportingItAgainChangesNothing() throws IOException {
		Path good = file("good.csv", HEADER, row(1), row(2), row(3));
		ImportRun first = run(ADMIN, good, ImportMode.ALL_OR_NOTHING, false);
		assertThat(first.status()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(first.rowsWritten()).isEqualTo(3);
		assertThat(rows()).isEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT c.pupils FROM enrolment_count c JOIN organisation o ON o.id = c.organisation_id
				WHERE c.school_year = ? AND o.code = ?""").params(year, SCHOOL).query(Integer.class).single())
			.as("the school's pupils are counted for the indicators")
			.isEqualTo(3);
		String before = jdbc.sql("SELECT surname FROM enrolment_extract WHERE school_year = ? ORDER BY iin")
			.param(year)
			.query(String.class)
			.list()
			.toString();
		run(ADMIN, good, ImportMode.ALL_OR_NOTHING, false);
		assertThat(rows()).isEqualTo(3);
		Path corrected = file("corrected.csv", HEADER, row(1).replace("Сейітова1", "Сейітқызы"), row(2), row(3));
		run(ADMIN, corrected, ImportMode.ALL_OR_NOTHING, false);
		assertThat(rows()).isEqualTo(3);
		List<String> after = jdbc.sql("SELECT surname FROM enrolment_extract WHERE school_year = ? ORDER BY iin")
			.param(year)
			.query(String.class)
			.list();
		assertThat(after).contains("Сейітқызы").doesNotContain("Сейітова1").isNotEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND record_id = ?")
			.param(String.valueOf(first.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void inAllOrNothingModeOneBadRowKeepsTheWholeFileOut() throws IOException {
		Path file = file("one-bad.csv", HEADER, row(1), row(2).replace(",5,", ",15,"), row(3));
		ImportRun run = run(ADMIN, file, ImportMode.ALL_OR_NOTHING, false);
		assertThat(run.status()).isEqualTo(ImportRun.Status.REJECTED);
		assertThat(run.rowsWritten()).isZero();
		assertThat(rows()).isZero();
		assertThat(reasons(run)).containsExactly("3 grade exchange.reason.range must be between 0 and 12");
	}

	@Test
	void inValidRowsModeTheGoodRowsAreKeptAndTheBadOnesReported() throws IOException {
		Path file = file("valid-rows.csv", HEADER, row(1), row(2).replace(",5,", ",15,"), row(3));
		ImportRun run = run(ADMIN, file, ImportMode.VALID_ROWS, false);
		assertThat(run.status()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(run.rowsWritten()).isEqualTo(2);
		assertThat(run.rowsRejected()).isEqualTo(1);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void aDryRunChecksEveryRowAndWritesNothing() throws IOException {
		ImportRun run = run(ADMIN, file("dry.csv", HEADER, row(1), row(2)), ImportMode.ALL_OR_NOTHING, true);
		assertThat(run.status()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(run.rowsRead()).isEqualTo(2);
		assertThat(rows()).isZero();
	}

	@Test
	void everyKindOfBadRowIsReportedWithItsLineColumnAndReason() throws IOException {
		String good = row(1);
		String[] cells = row(2).split(",");
		String wrongIin = cells[1].substring(0, 11) + ((cells[1].charAt(11) - '0' + 1) % 10);
		Path file = file("bad.csv", HEADER, good, good, // line 3 repeats line 2
				row(2).replace(cells[1], wrongIin), // line 4 check digit
				row(3).replace(Iin.birthDate(iin(3, Sex.MALE)).toString(), (year - 12) + "-02-30"), // 5
				row(4).replace("FEMALE", "F"), // 6 unknown code
				row(5).replace(SCHOOL, "NO-SUCH-SCHOOL"), // 7
				row(6).replace(SCHOOL, elsewhere), // 8 outside Saryagash
				row(7) + ",extra", // 9 one field too many
				"", // 10 empty line, skipped
				row(8).replace(Iin.birthDate(iin(8, Sex.FEMALE)).toString(), (year - 12) + "-01-02"), // 11
				row(9).replace("Сейітова9", "\"Сейітова, 9\""), // 12 quoted separator is
																// fine
				row(10).replace("Аружан", "")); // 13 missing given name
		ImportRun run = run(SARYAGASH, file, ImportMode.VALID_ROWS, false);
		assertThat(reasons(run)).containsExactly("3 null exchange.reason.repeated repeats the row on line 2 (same key)",
				"4 iin validation.iin.CHECK_DIGIT the check digit does not match; look for a mistyped or swapped digit",
				"5 birth_date exchange.reason.date not a date; write YYYY-MM-DD or DD.MM.YYYY",
				"6 sex exchange.reason.unknownCode unknown code; valid codes: MALE, FEMALE",
				"7 school_code exchange.reason.unknownOrganisation no organisation has this code",
				"8 school_code exchange.reason.outOfScope outside your part of the country",
				"9 null exchange.reason.fieldCount the row has 11 fields but the header has 10; check for a missing or extra separator",
				"11 birth_date validation.iin.birthDateMismatch does not agree with the IIN, which gives "
						+ Iin.birthDate(iin(8, Sex.FEMALE)),
				"13 given_name exchange.reason.required this column is required");
		assertThat(run.rowsWritten()).isEqualTo(2);
		assertThat(rows()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT surname FROM enrolment_extract WHERE school_year = ? AND iin = ?")
			.params(year, iin(9, Sex.MALE))
			.query(String.class)
			.single()).isEqualTo("Сейітова, 9");
	}

	@Test
	void aQuoteLeftOpenRejectsTheRestOfTheFileAndNothingElse() throws IOException {
		Path file = file("quote.csv", HEADER, row(1), row(2).replace("Аружан", "\"Аружан"), row(3));
		ImportRun run = run(ADMIN, file, ImportMode.VALID_ROWS, false);
		assertThat(reasons(run)).singleElement().asString().startsWith("3 null exchange.reason.unclosedQuote");
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void wrongFilesAreRefusedAtOnceNamingTheExpectedLayout() throws IOException {
		ImportRun missing = run(ADMIN, file("missing.csv", "school_year,iin,surname", "2030,1,2"),
				ImportMode.ALL_OR_NOTHING, false);
		assertThat(missing.status()).isEqualTo(ImportRun.Status.REFUSED);
		assertThat(reports.problem(missing, java.util.Locale.ENGLISH)).startsWith(
				"Required columns are missing: given_name, birth_date, sex, school_code, grade, language. Expected columns")
			.contains("school_year*, iin*, surname*, given_name*, patronymic");

		ImportRun unknown = run(ADMIN, file("unknown.csv", HEADER + ",shoe_size", row(1) + ",42"),
				ImportMode.ALL_OR_NOTHING, false);
		assertThat(reports.problem(unknown, java.util.Locale.ENGLISH)).startsWith("Unknown columns: shoe_size.");

		ImportRun other = run(ADMIN,
				file("staff.csv", "school_code,iin,full_name,position,fte,qualification,started_on,ended_on",
						"X,1,A,TEACHER,1,,2020-01-01,"),
				ImportMode.ALL_OR_NOTHING, false);
		assertThat(reports.problem(other, java.util.Locale.forLanguageTag("ru")))
			.startsWith("Это похоже на файл реестра «Персонал», а не «Выгрузка контингента (все обучающиеся)»");

		ImportRun empty = run(ADMIN, file("empty.csv", ""), ImportMode.ALL_OR_NOTHING, false);
		assertThat(empty.problemKey()).isEqualTo("exchange.problem.empty");

		Path windows = dir.resolve("cp1251.csv");
		Files.write(windows, (HEADER + "\n" + row(1) + "\n").getBytes(Charset.forName("windows-1251")));
		ImportRun encoding = run(ADMIN, windows, ImportMode.ALL_OR_NOTHING, false);
		assertThat(encoding.status()).isEqualTo(ImportRun.Status.REFUSED);
		assertThat(reports.problem(encoding, java.util.Locale.ENGLISH)).startsWith("Line 2 is not UTF-8 text.");

		Path notXlsx = file("fake.xlsx", "this is not a workbook");
		ImportRun xlsx = run(ADMIN, notXlsx, ImportMode.ALL_OR_NOTHING, false);
		assertThat(xlsx.problemKey()).isEqualTo("exchange.problem.xlsx");
		assertThat(rows()).isZero();
	}

	@Test
	void aSemicolonFileWithAByteOrderMarkAndEuropeanDatesReadsTheSame() throws IOException {
		String[] cells = row(1).split(",");
		LocalDate birth = LocalDate.parse(cells[5]);
		cells[5] = String.format("%02d.%02d.%d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear());
		Path file = dir.resolve("semicolon.csv");
		Files.write(file, ("\uFEFF" + HEADER.replace(',', ';') + "\r\n" + String.join(";", cells) + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(run(ADMIN, file, ImportMode.ALL_OR_NOTHING, false).status()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void aTemplateFilledInExcelIsReadWithItsDateAndNumberCells() throws IOException {
		Path file = dir.resolve("filled.xlsx");
		String[] cells = row(1).split(",", -1);
		try (java.io.OutputStream out = Files.newOutputStream(file)) {
			org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Excel", "1.0");
			org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("enrolment");
			String[] header = HEADER.split(",");
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
				sheet.value(1, c, cells[c]);
			}
			sheet.value(1, 0, year);
			sheet.value(1, 5, LocalDate.parse(cells[5]));
			sheet.style(1, 5).format("dd.mm.yyyy").set();
			sheet.value(1, 8, 5);
			workbook.finish();
		}
		ImportRun run = run(ADMIN, file, ImportMode.ALL_OR_NOTHING, false);
		assertThat(run.status()).as(reasons(run).toString()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void aHealthRecordsDistrictMustBeADistrictOfItsRegion() throws IOException {
		String header = "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,district_code,"
				+ "disability_group,valid_until";
		String row = "IT-H%d,,Сейітова,Аружан,,2015-03-02,FEMALE,KZ-61,%s,CHILD_WITH_DISABILITY,";
		Path file = file("health.csv", header, String.format(row, 1, "KZ-61-D08"), String.format(row, 2, ""),
				String.format(row, 3, "KZ-62-D01"), // a district of another region
				String.format(row, 4, "KZ-61"), // the region itself
				String.format(row, 5, "NO-SUCH-UNIT"));
		try {
			ImportRun run = importer.run(new ImportRequest(ADMIN, Register.HEALTH_REGISTRY, file, "health.csv",
					ImportMode.VALID_ROWS, false), null);
			assertThat(reasons(run)).containsExactly(
					"4 district_code exchange.reason.districtOutsideRegion does not lie in the region given in"
							+ " region_code (KZ-61)",
					"5 district_code exchange.reason.notDistrict give the code of a district, a city of regional"
							+ " significance or a city district, not of a region or a settlement",
					"6 district_code exchange.reason.unknownUnit no administrative unit has this code");
			assertThat(jdbc
				.sql("SELECT record_id, district_code, path FROM health_registry_record"
						+ " WHERE record_id LIKE 'IT-H%' ORDER BY record_id")
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
				.list()).containsExactly("IT-H1 KZ-61-D08 /KZ/KZ-61/KZ-61-D08/", "IT-H2 null /KZ/KZ-61/");
		}
		finally {
			jdbc.sql("DELETE FROM health_registry_record WHERE record_id LIKE 'IT-H%'").update();
		}
	}

	@Test
	void aBadHealthRegistryBatchIsReportedByLineBeforeAnyLinkingAndKeepsNothing() throws IOException {
		String header = "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,district_code,"
				+ "disability_group,valid_until";
		String row = "IT-HB%d,,Сейітова,Аружан,,%s,FEMALE,KZ-61,KZ-61-D08,CHILD_WITH_DISABILITY,";
		Path file = file("health.csv", header, String.format(row, 1, "2015-03-02"), String.format(row, 1, "2015-03-02"), // the
																															// same
																															// record
																															// id
																															// again
				String.format(row, 3, "2015-02-30"), // no such day
				String.format(row, 4, LocalDate.now().plusDays(3))); // born in the future
		try {
			ImportRun run = importer.run(new ImportRequest(ADMIN, Register.HEALTH_REGISTRY, file, "health.csv",
					ImportMode.ALL_OR_NOTHING, false), null);
			assertThat(run.status()).isEqualTo(ImportRun.Status.REJECTED);
			assertThat(reasons(run)).extracting(r -> r.substring(0, r.indexOf(' ', r.indexOf(' ') + 1)))
				.containsExactly("3 null", "4 birth_date", "5 birth_date");
			assertThat(reasons(run).get(0)).contains("exchange.reason.repeated");
			assertThat(reasons(run).get(2)).contains("exchange.reason.future");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM health_registry_record WHERE record_id LIKE 'IT-HB%'")
				.query(Long.class)
				.single()).isZero();
			// the enrolment extract's layout is not a health-registry batch
			ImportRun wrong = importer.run(new ImportRequest(ADMIN, Register.HEALTH_REGISTRY,
					file("enrolment.csv", HEADER, row(1)), "enrolment.csv", ImportMode.ALL_OR_NOTHING, false), null);
			assertThat(wrong.status()).isEqualTo(ImportRun.Status.REFUSED);
			assertThat(wrong.problemKey()).isEqualTo("exchange.problem.otherRegister");
		}
		finally {
			jdbc.sql("DELETE FROM health_registry_record WHERE record_id LIKE 'IT-HB%'").update();
		}
	}

	@Test
	void aPupilBornInTheFutureOrOutsideSchoolAgeIsRefused() throws IOException {
		LocalDate start = LocalDate.of(year, 9, 1);
		LocalDate future = LocalDate.now().plusDays(5);
		Path file = file("ages.csv", HEADER, pupil(1, start.minusYears(2)), // 2: just 2,
																			// the
																			// youngest
																			// accepted
				pupil(2, start.minusYears(2).plusDays(1)), // 3: a day short of 2
				pupil(3, start.minusYears(26).plusDays(1)), // 4: 25, the oldest accepted
				pupil(4, start.minusYears(26)), // 5: just 26
				pupil(5, future)); // 6: not born yet, whatever the age would be
		ImportRun run = run(ADMIN, file, ImportMode.VALID_ROWS, false);
		assertThat(reasons(run)).containsExactly(
				"3 birth_date exchange.reason.pupilAge on 1 September of the school year " + year
						+ " the pupil would be 1 years old; only ages 2 to 25 are accepted",
				"5 birth_date exchange.reason.pupilAge on 1 September of the school year " + year
						+ " the pupil would be 26 years old; only ages 2 to 25 are accepted",
				"6 birth_date exchange.reason.future a date in the future");
		assertThat(rows()).isEqualTo(2);
	}

	/** A row of the extract for a pupil born on the day given. */
	private String pupil(int n, LocalDate birth) {
		Sex sex = n % 2 == 0 ? Sex.FEMALE : Sex.MALE;
		String iin = Iin.of(birth, sex, 2000 + n);
		return String.join(",", String.valueOf(year), iin, "Әбенов" + n, "Ерлан", "", birth.toString(), sex.name(),
				SCHOOL, "5", "KK");
	}

	@Test
	void rolesWithoutTheRegisterCannotImportIt() {
		Actor researcher = new Actor(9, "researcher", "R", Role.RESEARCHER, DataScope.NATION);
		assertThatThrownBy(() -> run(researcher, file("r.csv", HEADER, row(1)), ImportMode.ALL_OR_NOTHING, false))
			.isInstanceOf(NotPermittedException.class);
	}

}
