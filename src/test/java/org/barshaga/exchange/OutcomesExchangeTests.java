package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.barshaga.kernel.CurriculumSubject;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The results, attendance and leavers registers through the importer: rows about the
 * pupils of a school year's enrolment extract, each bad row reported by line, nothing
 * kept of an all-or-nothing file with one, and files given out in the scope of the
 * pupil's school.
 */
@BarshagaTest
class OutcomesExchangeTests {

	static final String RESULTS = "school_year,term,iin,subject,percentage,mark";

	static final String ATTENDANCE = "school_year,term,iin,school_days,absent_excused,absent_unexcused";

	static final String LEAVERS = "iin,school_code,left_on,reason,destination";

	/** A year of the past that the demo's extract does not hold. */
	static final int YEAR = 2020;

	static final String DEMO_SCHOOL = "KZ-61-D08-S001";

	/** Grade 5 at the demo school in YEAR, and already in YEAR - 1. */
	static final String FIFTH = Iin.of(LocalDate.of(2009, 4, 2), Sex.FEMALE, 9701);

	/** Grade 1 at the demo school in YEAR. */
	static final String FIRST = Iin.of(LocalDate.of(2013, 5, 3), Sex.MALE, 9702);

	/** Grade 7 at another school of the district in YEAR. */
	static final String ELSEWHERE = Iin.of(LocalDate.of(2007, 6, 4), Sex.MALE, 9703);

	/** In no extract. */
	static final String NOWHERE = Iin.of(LocalDate.of(2008, 7, 5), Sex.FEMALE, 9704);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void enrolPupils() {
		long school = school(DEMO_SCHOOL);
		long other = jdbc
			.sql("SELECT MIN(id) FROM organisation WHERE org_unit_code = 'KZ-61-D08'"
					+ " AND type = 'GENERAL_SCHOOL' AND code <> ?")
			.param(DEMO_SCHOOL)
			.query(Long.class)
			.single();
		enrol(YEAR - 1, FIFTH, school, 4);
		enrol(YEAR, FIFTH, school, 5);
		enrol(YEAR, FIRST, school, 1);
		enrol(YEAR, ELSEWHERE, other, 7);
	}

	@AfterEach
	void removePupils() {
		for (String table : List.of("term_result", "term_attendance", "school_leaver")) {
			jdbc.sql("DELETE FROM " + table + " WHERE iin IN (?, ?, ?, ?)")
				.params(Long.parseLong(FIFTH), Long.parseLong(FIRST), Long.parseLong(ELSEWHERE),
						Long.parseLong(NOWHERE))
				.update();
		}
		jdbc.sql("DELETE FROM enrolment_extract WHERE iin IN (?, ?, ?)").params(FIFTH, FIRST, ELSEWHERE).update();
	}

	@Test
	void resultsAreStoredAsNumbersWithTheMarkDerivedAndGivenOutInScope() throws Exception {
		String file = String.join("\n", RESULTS, row(1, FIFTH, "MATHEMATICS", "72.5", ""),
				row(1, FIFTH, "KAZAKH_LANGUAGE", "85", "5"), row(1, FIFTH, "PHYSICAL_EDUCATION", "39.9", ""),
				row(1, FIRST, "LITERACY", "64", ""), row(1, ELSEWHERE, "ALGEBRA", "40", "3"));
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, "results", file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("SELECT iin || ' ' || subject || ' ' || CAST(percentage AS DECIMAL(5, 1)) || ' ' "
				+ "|| COALESCE(CAST(mark AS VARCHAR(1)), '-') FROM term_result WHERE school_year = ? AND iin IN (?, ?, ?)"
				+ " ORDER BY iin, subject")
			.params(YEAR, Long.parseLong(FIFTH), Long.parseLong(FIRST), Long.parseLong(ELSEWHERE))
			.query(String.class)
			.list()).containsExactlyInAnyOrder(stored(FIFTH, CurriculumSubject.MATHEMATICS, "72.5 4"),
					stored(FIFTH, CurriculumSubject.KAZAKH_LANGUAGE, "85.0 5"),
					stored(FIFTH, CurriculumSubject.PHYSICAL_EDUCATION, "39.9 2"),
					// grade 1 gets no marks
					stored(FIRST, CurriculumSubject.LITERACY, "64.0 -"),
					stored(ELSEWHERE, CurriculumSubject.ALGEBRA, "40.0 3"));

		List<String> school = export(Demo.SCHOOL, "results");
		assertThat(school.get(0)).isEqualTo("\uFEFF" + RESULTS);
		assertThat(school)
			.contains(YEAR + ",1," + FIFTH + ",MATHEMATICS,72.5,4", YEAR + ",1," + FIRST + ",LITERACY,64,")
			.noneMatch(line -> line.contains(ELSEWHERE));
		assertThat(export(Demo.DISTRICT_SARYAGASH, "results")).contains(YEAR + ",1," + ELSEWHERE + ",ALGEBRA,40,3");
	}

	@Test
	void aPercentageOutsideZeroToHundredIsRefusedAndNothingIsKept() throws Exception {
		assertRefused("results",
				String.join("\n", RESULTS, row(2, FIFTH, "MATHEMATICS", "70", ""),
						row(2, FIFTH, "ALGEBRA", "100.5", ""), row(2, FIFTH, "GEOMETRY", "-1", "")),
				"3,percentage,100.5,must be between 0 and 100", "4,percentage,-1,must be between 0 and 100");
	}

	@Test
	void aMarkThatContradictsItsPercentageIsRefused() throws Exception {
		assertRefused("results",
				String.join("\n", RESULTS, row(2, FIFTH, "MATHEMATICS", "70", "4"),
						row(2, FIFTH, "ALGEBRA", "64.9", "4"), row(2, FIFTH, "GEOMETRY", "85", "4")),
				"3,mark,4,a percentage of 64.9% gives the mark 3 (the national conversion of criteria-based assessment)",
				"4,mark,4,a percentage of 85% gives the mark 5 (the national conversion of criteria-based assessment)");
	}

	@Test
	void aTermOutsideOneToFourIsRefused() throws Exception {
		assertRefused("results",
				String.join("\n", RESULTS, row(4, FIFTH, "MATHEMATICS", "70", ""), row(5, FIFTH, "ALGEBRA", "70", ""),
						row(0, FIFTH, "GEOMETRY", "70", "")),
				"3,term,5,must be between 1 and 4", "4,term,0,must be between 1 and 4");
		assertRefused("attendance",
				String.join("\n", ATTENDANCE, YEAR + ",1," + FIFTH + ",44,2,1", YEAR + ",5," + FIFTH + ",44,2,1"),
				"3,term,5,must be between 1 and 4");
	}

	@Test
	void resultsForAPupilNotInThatYearsExtractAreRefused() throws Exception {
		assertRefused("results",
				String.join("\n", RESULTS, row(1, FIFTH, "MATHEMATICS", "70", ""),
						row(1, NOWHERE, "MATHEMATICS", "70", ""),
						// in the extract of the year before, but not of this year
						(YEAR - 1) + ",1," + FIRST + ",MATHEMATICS,70,"),
				"3,iin," + NOWHERE + ",\"no pupil with this IIN in the enrolment extract of the school year " + YEAR
						+ "; import the extract first\"",
				"4,iin," + FIRST + ",\"no pupil with this IIN in the enrolment extract of the school year " + (YEAR - 1)
						+ "; import the extract first\"");
		// a school's coordinator writes only the school's own pupils
		long run = PageImports.upload(mvc, jdbc, Demo.SCHOOL, "results",
				String.join("\n", RESULTS, row(1, ELSEWHERE, "MATHEMATICS", "70", "")), "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("REJECTED");
		assertThat(rejections(run)).containsExactly("2 iin exchange.reason.outOfScope");
	}

	@Test
	void moreDaysAbsentThanSchoolDaysAreRefused() throws Exception {
		assertRefused("attendance",
				String.join("\n", ATTENDANCE, YEAR + ",1," + FIFTH + ",44,2,1", YEAR + ",2," + FIFTH + ",40,30,11",
						YEAR + ",1," + NOWHERE + ",44,0,0"),
				"3,absent_unexcused,11,41 days absent is more than the term's 40 school days",
				"4,iin," + NOWHERE + ",\"no pupil with this IIN in the enrolment extract of the school year " + YEAR
						+ "; import the extract first\"");
	}

	@Test
	void aTermLoadedAgainKeepsOneRowEachWithTheCorrectedValues() throws Exception {
		String first = String.join("\n", RESULTS, row(1, FIFTH, "MATHEMATICS", "72.5", ""),
				row(1, FIFTH, "KAZAKH_LANGUAGE", "85", ""));
		assertThat(PageImports.runStatus(jdbc,
				PageImports.upload(mvc, jdbc, Demo.ADMIN, "results", first, "all-or-nothing")))
			.isEqualTo("COMPLETED");
		// corrected: one percentage changed, one unchanged, one subject added
		String again = String.join("\n", RESULTS, row(1, FIFTH, "MATHEMATICS", "58", ""),
				row(1, FIFTH, "KAZAKH_LANGUAGE", "85", ""), row(1, FIFTH, "FOREIGN_LANGUAGE", "91.2", ""));
		assertThat(PageImports.runStatus(jdbc,
				PageImports.upload(mvc, jdbc, Demo.ADMIN, "results", again, "all-or-nothing")))
			.isEqualTo("COMPLETED");
		assertThat(jdbc
			.sql("SELECT subject || ' ' || CAST(percentage AS DECIMAL(5, 1)) || ' ' || mark FROM term_result"
					+ " WHERE school_year = ? AND iin = ? ORDER BY subject")
			.params(YEAR, Long.parseLong(FIFTH))
			.query(String.class)
			.list()).containsExactlyInAnyOrder(CurriculumSubject.MATHEMATICS.number() + " 58.0 3",
					CurriculumSubject.KAZAKH_LANGUAGE.number() + " 85.0 5",
					CurriculumSubject.FOREIGN_LANGUAGE.number() + " 91.2 5");

		String attendance = String.join("\n", ATTENDANCE, YEAR + ",1," + FIFTH + ",44,2,1");
		PageImports.upload(mvc, jdbc, Demo.ADMIN, "attendance", attendance, "all-or-nothing");
		PageImports.upload(mvc, jdbc, Demo.ADMIN, "attendance",
				String.join("\n", ATTENDANCE, YEAR + ",1," + FIFTH + ",44,3,0"), "all-or-nothing");
		assertThat(jdbc
			.sql("SELECT absent_excused || ' ' || absent_unexcused FROM term_attendance"
					+ " WHERE school_year = ? AND iin = ?")
			.params(YEAR, Long.parseLong(FIFTH))
			.query(String.class)
			.list()).containsExactly("3 0");
	}

	@Test
	void attendanceIsStoredAndGivenOutInScope() throws Exception {
		String file = String.join("\n", ATTENDANCE, YEAR + ",1," + FIFTH + ",44,2,1",
				YEAR + ",1," + ELSEWHERE + ",44,0,9");
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, "attendance", file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("COMPLETED");
		assertThat(export(Demo.SCHOOL, "attendance")).contains(YEAR + ",1," + FIFTH + ",44,2,1")
			.noneMatch(line -> line.contains(ELSEWHERE));
	}

	@Test
	void aLeaverDatedBeforeThePupilsEnrolmentIsRefused() throws Exception {
		assertRefused("leavers", String.join("\n", LEAVERS, FIFTH + "," + DEMO_SCHOOL + "," + YEAR + "-12-20,TRANSFER,",
				// enrolled from 1 September of YEAR - 1
				FIFTH + "," + DEMO_SCHOOL + "," + (YEAR - 1) + "-08-31,DROPOUT,AT_HOME",
				NOWHERE + "," + DEMO_SCHOOL + "," + YEAR + "-12-20,DROPOUT,",
				FIRST + "," + DEMO_SCHOOL + "," + YEAR + "-11-02,DEATH,UNKNOWN"),
				"3,left_on," + (YEAR - 1) + "-08-31,\"the pupil is enrolled at this school from " + (YEAR - 1)
						+ "-09-01 (by the enrolment extract); the date left cannot be earlier\"",
				"4,iin," + NOWHERE + ",no enrolment extract shows this pupil at school " + DEMO_SCHOOL,
				"5,destination,UNKNOWN,\"a pupil who died has no destination; leave it empty\"");
	}

	@Test
	void leaversAreStoredAndGivenOutInScope() throws Exception {
		String file = String.join("\n", LEAVERS,
				FIFTH + "," + DEMO_SCHOOL + "," + (YEAR + 1) + "-03-01,DROPOUT,AT_HOME");
		long run = PageImports.upload(mvc, jdbc, Demo.SCHOOL, "leavers", file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("COMPLETED");
		assertThat(export(Demo.SCHOOL, "leavers"))
			.contains(FIFTH + "," + DEMO_SCHOOL + "," + (YEAR + 1) + "-03-01,DROPOUT,AT_HOME");
		assertThat(export(Demo.REGION_TURKISTAN, "leavers")).anyMatch(line -> line.startsWith(FIFTH + ","));
	}

	@Test
	void theDemosTermWentThroughTheImporterWithEveryRowAccepted() {
		for (String register : List.of("RESULTS", "ATTENDANCE")) {
			assertThat(jdbc
				.sql("SELECT status || ' ' || rows_rejected FROM import_run WHERE register = ? AND actor = 'demo-data'")
				.param(register)
				.query(String.class)
				.list()).as(register).isNotEmpty().allMatch(run -> run.equals("COMPLETED 0"));
		}
		// every pupil of the demo district has the term's attendance
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
				WHERE o.org_unit_code = 'KZ-61-D08' AND e.school_year = (SELECT MAX(school_year) FROM term_attendance)
				AND NOT EXISTS (SELECT 1 FROM term_attendance a WHERE a.school_year = e.school_year
					AND a.iin = CAST(e.iin AS BIGINT))""").query(Long.class).single()).isZero();
	}

	@Test
	void theSubjectsOfTheCodeListAreTheReferenceTable() {
		assertThat(jdbc.sql("SELECT id || ' ' || code FROM curriculum_subject ORDER BY id").query(String.class).list())
			.containsExactlyElementsOf(
					Arrays.stream(CurriculumSubject.values()).map(s -> s.number() + " " + s.name()).toList());
	}

	@Test
	void theTemplatesHoldTheLayouts() throws Exception {
		for (String[] layout : List.of(new String[] { "results", RESULTS }, new String[] { "attendance", ATTENDANCE },
				new String[] { "leavers", LEAVERS })) {
			String csv = mvc.perform(get("/exchange/templates/" + layout[0] + ".csv").with(as(Demo.SCHOOL)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(csv).isEqualTo("\uFEFF" + layout[1] + "\r\n");
			for (String language : List.of("kk", "ru", "en")) {
				mvc.perform(get("/exchange/templates/" + layout[0] + ".xlsx?lang=" + language).with(as(Demo.SCHOOL)))
					.andExpect(status().isOk());
			}
		}
	}

	private void assertRefused(String register, String file, String... report) throws Exception {
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, register, file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("REJECTED");
		String text = mvc.perform(get("/exchange/runs/" + run + "/report.csv?lang=en").with(as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = Arrays.asList(text.split("\r\n"));
		assertThat(lines.subList(1, lines.size())).containsExactly(report);
		for (String table : List.of("term_result", "term_attendance", "school_leaver")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE iin IN (?, ?, ?)")
				.params(Long.parseLong(FIFTH), Long.parseLong(FIRST), Long.parseLong(NOWHERE))
				.query(Long.class)
				.single()).as("an all-or-nothing run with a bad row keeps nothing of " + table).isZero();
		}
	}

	private List<String> rejections(long run) {
		return jdbc
			.sql("SELECT line_number || ' ' || column_name || ' ' || reason_key FROM import_rejection"
					+ " WHERE run_id = ? ORDER BY line_number")
			.param(run)
			.query(String.class)
			.list();
	}

	private static String row(int term, String iin, String subject, String percentage, String mark) {
		return YEAR + "," + term + "," + iin + "," + subject + "," + percentage + "," + mark;
	}

	private static String stored(String iin, CurriculumSubject subject, String values) {
		return Long.parseLong(iin) + " " + subject.number() + " " + values;
	}

	private long school(String code) {
		return jdbc.sql("SELECT id FROM organisation WHERE code = ?").param(code).query(Long.class).single();
	}

	private void enrol(int year, String iin, long school, int grade) {
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, birth_date, sex, organisation_id,
					grade, language) VALUES (?, ?, 'Нәтижев', 'Тест', ?, ?, ?, ?, 'KK')""")
			.params(year, iin, java.sql.Date.valueOf(Iin.birthDate(iin)), Iin.sex(iin).name(), school, grade)
			.update();
	}

	private List<String> export(String user, String register) throws Exception {
		String text = mvc.perform(get("/exchange/exports/" + register + ".csv").with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Arrays.asList(text.split("\r\n"));
	}

}
