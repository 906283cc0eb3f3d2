package org.barshaga.indicators;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A district whose pupils of one year are followed to the next census day, worked out by
 * hand in {@link CohortIndicatorTests}, two school years before the current one.
 *
 * <pre>
 * school A (its next extract is loaded), year Y:
 *   grade 5: 10 peers: 7 in grade 6 next year, 1 transferred (record), 1 dropped out (record),
 *            1 vanished with no record; S4, whose conclusion comes after the census day: a peer
 *            who stays; S1 stays, S2 vanishes with no record, S3 moved abroad (record)
 *   grade 9: S6 in grade 10 next year, S7 completed grade 9 for college, S8 completed for home,
 *            S9 repeats grade 9; peers: 3 in grade 10 next year, 1 completed (destination unknown)
 *   grade 11: S10 completed for university, S11 for work, S12 destination unknown; 2 peers for college
 *   pre-school: S13 (inclusive class recommended) in grade 1 in an inclusive class; S14 (special
 *            class recommended) in grade 1 in an inclusive class; S15 stays in the pre-school
 *            class; S16 recommended a special class by a new conclusion before the next census
 *            day, in grade 1 in a special class
 * school B (no next extract): S5 in grade 5 vanishes, not counted
 *
 * dropout: SEN 1 of 14 (S2); peers 2 of 17
 * after grade 9: SEN 2 of 3, peers 3 of 4; after grade 11: SEN 2 of 3, peers 2 of 2
 * pre-school to grade 1 in the recommended form: 2 of 4
 * </pre>
 */
final class CohortFixture {

	static final String DISTRICT = "KZ-10-T03";

	static final String DISTRICT_PATH = "/KZ/KZ-10/" + DISTRICT + "/";

	final int year;

	private final LocalDate census;

	private final LocalDate nextCensus;

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	private int serial = 9300;

	private long pmpc;

	private long a;

	CohortFixture(JdbcClient jdbc, int currentYear) {
		this.jdbc = jdbc;
		this.year = currentYear - 2;
		this.census = new SchoolYear(year).census();
		this.nextCensus = new SchoolYear(year + 1).census();
	}

	void create() {
		jdbc.sql("""
				INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
				VALUES (?, 'KZ-10', 'district', ?, 2, 'Когорта ауданы', 'Район когорты', 'Cohort district',
					DATE '2020-01-01')""").params(DISTRICT, DISTRICT_PATH).update();
		pmpc = jdbc.sql("SELECT MIN(id) FROM organisation WHERE type = 'PMPC'").query(Long.class).single();
		a = school(DISTRICT + "-A");
		long b = school(DISTRICT + "-B");
		jdbc.sql("INSERT INTO enrolment_count (school_year, organisation_id, pupils) VALUES (?, ?, 30)")
			.params(year + 1, a)
			.update();
		gradeFive(b);
		gradeNine();
		gradeEleven();
		preschool();
	}

	private void gradeFive(long b) {
		for (int i = 0; i < 7; i++) {
			next(pupil(a, 5), 6);
		}
		leaver(pupil(a, 5), "TRANSFER", null);
		leaver(pupil(a, 5), "DROPOUT", null);
		pupil(a, 5);
		String s4 = pupil(a, 5);
		conclusion(learner(s4), census.plusDays(1), "INCLUSIVE_CLASS");
		next(s4, 6);
		String s1 = sen(a, 5, "INCLUSIVE_CLASS");
		next(s1, 6);
		sen(a, 5, "INCLUSIVE_CLASS");
		leaver(sen(a, 5, "INCLUSIVE_CLASS"), "MOVED_ABROAD", null);
		sen(b, 5, "INCLUSIVE_CLASS");
	}

	private void gradeNine() {
		next(sen(a, 9, "INCLUSIVE_CLASS"), 10);
		leaver(sen(a, 9, "INCLUSIVE_CLASS"), "COMPLETED_GRADE_9", "COLLEGE");
		leaver(sen(a, 9, "INCLUSIVE_CLASS"), "COMPLETED_GRADE_9", "AT_HOME");
		next(sen(a, 9, "INCLUSIVE_CLASS"), 9);
		for (int i = 0; i < 3; i++) {
			next(pupil(a, 9), 10);
		}
		leaver(pupil(a, 9), "COMPLETED_GRADE_9", "UNKNOWN");
	}

	private void gradeEleven() {
		leaver(sen(a, 11, "INCLUSIVE_CLASS"), "COMPLETED_GRADE_11", "UNIVERSITY");
		leaver(sen(a, 11, "INCLUSIVE_CLASS"), "COMPLETED_GRADE_11", "EMPLOYMENT");
		leaver(sen(a, 11, "INCLUSIVE_CLASS"), "COMPLETED_GRADE_11", "UNKNOWN");
		for (int i = 0; i < 2; i++) {
			leaver(pupil(a, 11), "COMPLETED_GRADE_11", "COLLEGE");
		}
	}

	private void preschool() {
		String s13 = sen(a, 0, "INCLUSIVE_CLASS");
		next(s13, 1);
		enrolment(s13, "INCLUSIVE_CLASS");
		String s14 = sen(a, 0, "SPECIAL_CLASS");
		next(s14, 1);
		enrolment(s14, "INCLUSIVE_CLASS");
		next(sen(a, 0, "INCLUSIVE_CLASS"), 0);
		String s16 = sen(a, 0, "INCLUSIVE_CLASS");
		conclusion(learnerId(s16), nextCensus.minusMonths(2), "SPECIAL_CLASS");
		next(s16, 1);
		enrolment(s16, "SPECIAL_CLASS");
	}

	private long school(String code) {
		return insert(
				"""
						INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
							settlement, ownership, languages, status, created_at, created_by, updated_at, updated_by, version, pupils)
						VALUES (?, 'GENERAL_SCHOOL', ?, ?, ?, ?, ?, ?, 'URBAN', 'STATE', 'KK', 'OPEN', ?, 'test', ?, 'test', 0, 100)""",
				code, "Мектеп " + code, "Школа " + code, "School " + code, code.toLowerCase(), DISTRICT,
				DISTRICT_PATH + code + "/", now, now);
	}

	private String pupil(long school, int grade) {
		LocalDate birth = LocalDate.of(year - 6 - grade, 3, 1);
		String iin = Iin.of(birth, Sex.MALE, serial++);
		// the demo data holds pupils of these years too
		while (jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE iin = ?").params(iin).query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?").params(iin).query(Long.class).single() > 0) {
			iin = Iin.of(birth, Sex.MALE, serial++);
		}
		extract(year, iin, birth, school, grade);
		return iin;
	}

	/** A learner with SEN: a conclusion before the census day recommending the form. */
	private String sen(long school, int grade, String form) {
		String iin = pupil(school, grade);
		conclusion(learner(iin), census.minusMonths(3), form);
		return iin;
	}

	/** The pupil in next year's extract of school A, in the grade. */
	private void next(String iin, int grade) {
		extract(year + 1, iin, Iin.birthDate(iin), a, grade);
	}

	private void extract(int schoolYear, String iin, LocalDate birth, long school, int grade) {
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, birth_date, sex, organisation_id,
					grade, language) VALUES (?, ?, 'Когорта', 'Тест', ?, 'MALE', ?, ?, 'KK')""")
			.params(schoolYear, iin, Date.valueOf(birth), school, grade)
			.update();
	}

	private void leaver(String iin, String reason, String destination) {
		LocalDate on = reason.startsWith("COMPLETED") ? LocalDate.of(year + 1, 6, 1) : LocalDate.of(year + 1, 2, 1);
		jdbc.sql("""
				INSERT INTO school_leaver (iin, left_on, organisation_id, reason, destination)
				VALUES (?, ?, ?, ?, ?)""")
			.params(Long.parseLong(iin), Date.valueOf(on), a, reason, destination)
			.update();
	}

	private long learner(String iin) {
		return insert(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, birth_date, sex, citizenship, language,
							disability, home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by, version)
						VALUES (?, NULL, 'Когорта', 'Бала', ?, 'MALE', 'KZ', 'KK', 'NONE', ?, ?, 'когорта', ?, 'test', ?, 'test', 0)""",
				iin, Date.valueOf(Iin.birthDate(iin)), DISTRICT, DISTRICT_PATH, now, now);
	}

	private long learnerId(String iin) {
		return jdbc.sql("SELECT id FROM learner WHERE iin = ?").params(iin).query(Long.class).single();
	}

	private void enrolment(String iin, String form) {
		insert("""
				INSERT INTO enrolment (learner_id, organisation_id, grade, class_name, form, started_on, ended_on,
					end_reason, recorded_at, recorded_by) VALUES (?, ?, '1', '1A', ?, ?, NULL, NULL, ?, 'test')""",
				learnerId(iin), a, form, Date.valueOf(new SchoolYear(year + 1).start()), now);
	}

	private void conclusion(long learner, LocalDate on, String form) {
		insert("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, 'C-1', 'DEVELOPMENTAL_DELAY', 'GENERAL_ADAPTED', ?, '', ?, ?, 'test')""", learner,
				Date.valueOf(on), pmpc, form, Date.valueOf(on.plusYears(2)), now);
	}

	private long insert(String sql, Object... values) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(values).update(keys, "id");
		return keys.getKey().longValue();
	}

}
