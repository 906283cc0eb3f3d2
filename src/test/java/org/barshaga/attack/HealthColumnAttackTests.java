package org.barshaga.attack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health fields travel in files only to and from those who see them in the record: a
 * school's export leaves them blank for children without the guardian's consent to
 * sharing, an administrator's export leaves them blank everywhere, and an import never
 * writes a value its importer may not see.
 */
@BarshagaTest
class HealthColumnAttackTests {

	static final String SCHOOL_PATH = "/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/";

	static final String LEARNERS_HEADER = "iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,"
			+ "disability,home_unit_code,school_code";

	static final String CONCLUSIONS_HEADER = "iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,"
			+ "form,conditions,next_review_on,services";

	static final int DISABILITY = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSchoolsExportFillsHealthOnlyWhereTheGuardianConsentedToSharing() throws Exception {
		String consented = child(1, "Consented", "2016-01-01", null);
		String withdrawn = child(2, "Withdrawn", "2016-01-01", "2017-01-01");
		String unconsented = child(3, "Unconsented", null, null);

		List<String[]> rows = export(Demo.SCHOOL, "learners");
		assertThat(row(rows, consented)[DISABILITY]).isEqualTo("CHILD_WITH_DISABILITY");
		assertThat(row(rows, withdrawn)[DISABILITY]).as("a withdrawn consent shares nothing").isEmpty();
		assertThat(row(rows, unconsented)[DISABILITY]).isEmpty();

		List<String> functioning = export(Demo.SCHOOL, "functioning").stream().map(r -> r[0]).toList();
		assertThat(functioning).as("a profile is health data: only the consented child's is given out")
			.contains(consented)
			.doesNotContain(withdrawn, unconsented);
	}

	@Test
	void anAdministratorsPageExportHoldsNoHealthField() throws Exception {
		child(4, "Admin", "2016-01-01", null);
		List<String[]> learners = export(Demo.ADMIN, "learners");
		assertThat(learners).isNotEmpty().allSatisfy(row -> assertThat(row[DISABILITY]).isEmpty());
		List<String[]> conclusions = export(Demo.ADMIN, "conclusions");
		assertThat(conclusions).as("the demo data has conclusions").isNotEmpty();
		assertThat(conclusions).allSatisfy(row -> assertThat(row[4]).as("sen_categories").isEmpty());
		assertThat(export(Demo.ADMIN, "functioning")).isEmpty();
	}

	/**
	 * An administrator, who sees no child's health, imports learners from the pages: a
	 * filled disability is refused, a blank one keeps what is stored, and a new child's
	 * is not recorded. (A school names no home unit inside its own scope, so a school
	 * does not import learners at all; its rule is tried with conclusions below.)
	 */
	@Test
	void aPageImportMayNotWriteADisabilityItsImporterDoesNotSee() throws Exception {
		String child = child(5, "Hidden", "2016-01-01", null);

		long refused = upload(Demo.ADMIN, "learners", learner(child, "Hidden", "NONE"));
		assertThat(runStatus(refused)).isEqualTo("REJECTED");
		assertThat(report(Demo.ADMIN, refused))
			.contains("2,disability,NONE,\"the health field disability of this child is not shown to you");
		assertThat(disability(child)).isEqualTo("CHILD_WITH_DISABILITY");

		long kept = upload(Demo.ADMIN, "learners", learner(child, "Renamed", ""));
		assertThat(runStatus(kept)).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("SELECT surname FROM learner WHERE iin = ?").param(child).query(String.class).single())
			.isEqualTo("Renamed");
		assertThat(disability(child)).as("a blank health cell leaves the stored value")
			.isEqualTo("CHILD_WITH_DISABILITY");

		String added = Iin.of(LocalDate.of(2015, 9, 9), Sex.FEMALE, 8950);
		assertThat(runStatus(upload(Demo.ADMIN, "learners", learner(added, "Added", "")))).isEqualTo("COMPLETED");
		assertThat(disability(added)).isEqualTo("NOT_RECORDED");
	}

	@Test
	void aSchoolWritesSenCategoriesOnlyWhereTheGuardianConsentedToSharing() throws Exception {
		String unconsented = child(6, "Hidden", null, null);
		String consented = child(7, "Shared", "2016-01-01", null);
		conclusion(unconsented);
		conclusion(consented);

		List<String[]> exported = export(Demo.SCHOOL, "conclusions");
		assertThat(row(exported, unconsented)[4]).isEmpty();
		assertThat(row(exported, consented)[4]).isEqualTo("MOTOR");

		long refused = upload(Demo.SCHOOL, "conclusions", conclusionLine(unconsented, "SPEECH", "2027-05-20"));
		assertThat(runStatus(refused)).isEqualTo("REJECTED");
		assertThat(report(Demo.SCHOOL, refused))
			.contains("2,sen_categories,SPEECH,\"the health field sen_categories of this child is not shown to you");
		assertThat(categories(unconsented)).isEqualTo("MOTOR");

		long kept = upload(Demo.SCHOOL, "conclusions", conclusionLine(unconsented, "", "2027-05-20"));
		assertThat(runStatus(kept)).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("""
				SELECT c.next_review_on FROM conclusion c JOIN learner l ON l.id = c.learner_id WHERE l.iin = ?""")
			.param(unconsented)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2027, 5, 20));
		assertThat(categories(unconsented)).as("a blank health cell leaves the stored value").isEqualTo("MOTOR");

		assertThat(runStatus(upload(Demo.SCHOOL, "conclusions", conclusionLine(consented, "SPEECH", "2026-05-20"))))
			.isEqualTo("COMPLETED");
		assertThat(categories(consented)).as("with the consent the school writes them").isEqualTo("SPEECH");
	}

	/**
	 * A child at the demo school with a disability, a functioning profile and, when
	 * {@code given} is set, the guardian's consent to sharing with the school.
	 */
	private String child(int n, String surname, String given, String withdrawn) {
		LocalDate birth = LocalDate.of(2015, 2, 1).plusDays(n);
		String iin = Iin.of(birth, Sex.FEMALE, 8900 + n);
		jdbc.sql("""
				INSERT INTO learner (iin, surname, given_name, birth_date, sex, citizenship, language, disability,
					home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by)
				VALUES (?, ?, 'Test', ?, 'FEMALE', 'KZ', 'KK', 'CHILD_WITH_DISABILITY', 'KZ-61-D08', ?, ?,
					CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')""")
			.params(iin, surname, birth, SCHOOL_PATH, iin)
			.update();
		long id = jdbc.sql("SELECT id FROM learner WHERE iin = ?").param(iin).query(Long.class).single();
		if (given != null) {
			jdbc.sql("""
					INSERT INTO consent (learner_id, purpose, given_on, recorded_at, recorded_by, withdrawn_on)
					VALUES (?, 'SHARING_WITH_SCHOOL', ?, CURRENT_TIMESTAMP, 'test', ?)""")
				.params(id, LocalDate.parse(given), withdrawn == null ? null : LocalDate.parse(withdrawn))
				.update();
		}
		jdbc.sql("""
				INSERT INTO functioning (learner_id, assessed_on, age_group, answers, flagged_domains,
					functional_difficulty, recorded_at, recorded_by)
				VALUES (?, DATE '2025-06-01', 'AGES_5_17', 'SEEING=A', '', FALSE, CURRENT_TIMESTAMP, 'test')""")
			.param(id)
			.update();
		return iin;
	}

	private String learner(String iin, String surname, String disability) {
		return LEARNERS_HEADER + "\n" + iin + "," + surname + ",Test,," + Iin.birthDate(iin) + ",FEMALE,KZ,KK,"
				+ disability + ",KZ-61-D08,KZ-61-D08-S001\n";
	}

	private void conclusion(String iin) {
		jdbc.sql("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				SELECT l.id, DATE '2025-05-20', (SELECT MIN(id) FROM organisation WHERE code = ?), 'HC-1', 'MOTOR',
					'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', DATE '2026-05-20', CURRENT_TIMESTAMP, 'test'
				FROM learner l WHERE l.iin = ?""").params(pmpc(), iin).update();
	}

	private String conclusionLine(String iin, String categories, String review) {
		return CONCLUSIONS_HEADER + "\n" + iin + ",HC-1,2025-05-20," + pmpc() + "," + categories
				+ ",GENERAL_ADAPTED,INCLUSIVE_CLASS,," + review + ",\n";
	}

	private String pmpc() {
		return jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/%'")
			.query(String.class)
			.single();
	}

	private String categories(String iin) {
		return jdbc
			.sql("SELECT c.sen_categories FROM conclusion c JOIN learner l ON l.id = c.learner_id WHERE l.iin = ?")
			.param(iin)
			.query(String.class)
			.single();
	}

	private String report(String user, long run) throws Exception {
		return mvc.perform(get("/exchange/runs/" + run + "/report.csv?lang=en").with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String disability(String iin) {
		return jdbc.sql("SELECT disability FROM learner WHERE iin = ?").param(iin).query(String.class).single();
	}

	private String runStatus(long run) {
		return PageImports.runStatus(jdbc, run);
	}

	/**
	 * The data rows of a page export as CSV, split into fields (the test's names hold no
	 * comma).
	 */
	private List<String[]> export(String user, String register) throws Exception {
		String text = mvc.perform(get("/exchange/exports/" + register + ".csv").with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Arrays.stream(text.split("\r\n")).skip(1).map(l -> l.split(",", -1)).toList();
	}

	private static String[] row(List<String[]> rows, String iin) {
		return rows.stream().filter(r -> r[0].equals(iin)).findFirst().orElseThrow();
	}

	private long upload(String user, String register, String text) throws Exception {
		return PageImports.upload(mvc, jdbc, user, register, text, "all-or-nothing");
	}

}
