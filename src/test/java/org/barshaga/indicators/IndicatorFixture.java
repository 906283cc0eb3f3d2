package org.barshaga.indicators;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A district of two schools and five children whose every indicator is worked out by hand
 * in {@link IndicatorTests}. The school year is the one before the current, so that its
 * census day (1 October) and reference month (May) are both past whatever today is.
 *
 * <pre>
 * school A (urban, 200 pupils reported): reported and meets every criterion, accessible
 *   teachers: T1 trained in inclusion, T2 not; a speech therapist at 1.0 FTE
 *   L1 girl, 9, inclusive class, speech, targeted support, consent; speech therapy 2 h/week,
 *      two 45-minute sessions held in May; plan reviewed every term, goals rated 1 and -1 then 0
 *   L2 boy, 12, special class, vision and hearing, no level, no consent, review overdue;
 *      special teacher 1 h/week, one session missed in May; plan never reviewed, goal unrated
 *   L5 a conclusion only after the census day: not counted
 * school B (rural, 3 pupils in the enrolment extract, 100 reported): reported, meets nothing
 *   teacher T3 not trained
 *   L3 girl, 16, inclusive class, autism, consent, no services
 * not enrolled, living in the district: L4 boy, 8, intellectual disability, consent
 * </pre>
 */
final class IndicatorFixture {

	static final String DISTRICT = "KZ-10-T01";

	static final String SCHOOL_A = "KZ-10-T01-A";

	static final String SCHOOL_B = "KZ-10-T01-B";

	static final String DISTRICT_PATH = "/KZ/KZ-10/" + DISTRICT + "/";

	final int year;

	final LocalDate census;

	final YearMonth month;

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	IndicatorFixture(JdbcClient jdbc, int currentYear) {
		this.jdbc = jdbc;
		this.year = currentYear - 1;
		this.census = LocalDate.of(year, 10, 1);
		this.month = YearMonth.of(year + 1, 5);
	}

	void create() {
		jdbc.sql(
				"""
						INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
						VALUES (?, 'KZ-10', 'district', ?, 2, 'Сынақ ауданы', 'Тестовый район', 'Test district', DATE '2020-01-01')""")
			.params(DISTRICT, DISTRICT_PATH)
			.update();
		long a = school(SCHOOL_A, "URBAN", 200);
		long b = school(SCHOOL_B, "RURAL", 100);
		for (int i = 0; i < 3; i++) {
			jdbc.sql(
					"""
							INSERT INTO enrolment_extract (school_year, iin, surname, given_name, birth_date, sex, organisation_id,
								grade, language) VALUES (?, ?, 'Тест', 'Тест', DATE '2015-01-01', 'MALE', ?, 3, 'KK')""")
				.params(year, "99990000000" + i, b)
				.update();
		}
		jdbc.sql("INSERT INTO enrolment_count (school_year, organisation_id, pupils) VALUES (?, ?, 3)")
			.params(year, b)
			.update();
		survey(a, "PRESENT", "STEP_FREE_ENTRANCE", "DOOR_WIDTHS", "LIFT_OR_PLATFORM", "ACCESSIBLE_TOILET",
				"STAIR_HANDRAILS", "INCLUSION_SUPPORT_ROOM", "BRAILLE_TEXTBOOKS");
		survey(b, "ABSENT", "STEP_FREE_ENTRANCE", "ACCESSIBLE_TOILET");
		long t1 = staff(a, "TEACHER", "1.00");
		staff(a, "TEACHER", "1.00");
		staff(a, "SPEECH_THERAPIST", "1.00");
		staff(b, "TEACHER", "1.00");
		jdbc.sql(
				"""
						INSERT INTO training (staff_id, course, provider, hours, completed_on, inclusive, recorded_at, recorded_by)
						VALUES (?, 'Inclusive education', 'NCPD Orleu', 72, ?, TRUE, ?, 'test')""")
			.params(t1, Date.valueOf(census.minusYears(1)), now)
			.update();
		long pmpc = jdbc.sql("SELECT MIN(id) FROM organisation WHERE type = 'PMPC'").query(Long.class).single();

		long l1 = learner("FEMALE", census.minusYears(9).minusDays(30));
		long c1 = conclusion(l1, pmpc, "SPEECH", census.plusYears(1));
		service(c1, "SPEECH_THERAPIST", "2.0");
		enrol(l1, a, "INCLUSIVE_CLASS");
		level(l1, 2);
		consent(l1);
		session(l1, "SPEECH_THERAPIST", month.atDay(5), true);
		session(l1, "SPEECH_THERAPIST", month.atDay(12), true);
		long p2 = plan(l1);
		long g1 = goal(p2);
		long g2 = goal(p2);
		for (int term = 1; term <= 4; term++) {
			long review = review(p2, term);
			if (term == 2) {
				rate(review, g2, -1);
			}
			if (term == 4) {
				rate(review, g1, 1);
				rate(review, g2, 0);
			}
		}

		long l2 = learner("MALE", census.minusYears(12).minusDays(30));
		long c2 = conclusion(l2, pmpc, "VISION,HEARING", census.minusDays(1));
		service(c2, "SPECIAL_TEACHER", "1.0");
		enrol(l2, a, "SPECIAL_CLASS");
		session(l2, "SPECIAL_TEACHER", month.atDay(6), false);
		long p1 = plan(l2);
		goal(p1);

		long l3 = learner("FEMALE", census.minusYears(16).minusDays(30));
		conclusion(l3, pmpc, "AUTISM", census.plusYears(1));
		enrol(l3, b, "INCLUSIVE_CLASS");
		consent(l3);

		long l4 = learner("MALE", census.minusYears(8).minusDays(30));
		conclusion(l4, pmpc, "INTELLECTUAL", census.plusYears(1));
		consent(l4);

		long l5 = learner("MALE", census.minusYears(10));
		jdbc.sql("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, 'T-5', 'SPEECH', 'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', ?, ?, 'test')""")
			.params(l5, Date.valueOf(census.plusDays(20)), pmpc, Date.valueOf(census.plusYears(1)), now)
			.update();
		enrol(l5, a, "INCLUSIVE_CLASS");
	}

	private long school(String code, String settlement, int pupils) {
		return insert(
				"""
						INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
							settlement, ownership, languages, status, created_at, created_by, updated_at, updated_by, version, pupils)
						VALUES (?, 'GENERAL_SCHOOL', ?, ?, ?, ?, ?, ?, ?, 'STATE', 'KK', 'OPEN', ?, 'test', ?, 'test', 0, ?)""",
				code, "Мектеп " + code, "Школа " + code, "School " + code, code.toLowerCase(), DISTRICT,
				DISTRICT_PATH + code + "/", settlement, now, now, pupils);
	}

	private void survey(long school, String status, String... items) {
		String code = jdbc.sql("SELECT path FROM organisation WHERE id = ?")
			.params(school)
			.query(String.class)
			.single();
		long survey = insert(
				"""
						INSERT INTO condition_survey (organisation_id, school_year, path, reported_created, reported_on, updated_at,
							updated_by, version) VALUES (?, ?, ?, TRUE, ?, ?, 'test', 0)""",
				school, year, code, Date.valueOf(census.plusDays(4)), now);
		for (String item : items) {
			jdbc.sql("INSERT INTO condition_item (survey_id, item, status) VALUES (?, ?, ?)")
				.params(survey, item, status)
				.update();
		}
	}

	private long staff(long school, String position, String fte) {
		return insert(
				"""
						INSERT INTO staff_member (organisation_id, path, full_name, position, fte, started_on, updated_at,
							updated_by, version)
						VALUES (?, (SELECT path FROM organisation WHERE id = ?), 'Тест Қызметкер', ?, ?, DATE '2015-08-25', ?, 'test', 0)""",
				school, school, position, new java.math.BigDecimal(fte), now);
	}

	private long learner(String sex, LocalDate birth) {
		return insert(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, birth_date, sex, citizenship, language,
							disability, home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by, version)
						VALUES (NULL, 'NOT_YET_ISSUED', 'Тестов', 'Бала', ?, ?, 'KZ', 'KK', 'CHILD_WITH_DISABILITY', ?, ?, 'тестов',
							?, 'test', ?, 'test', 0)""",
				Date.valueOf(birth), sex, DISTRICT, DISTRICT_PATH, now, now);
	}

	private long conclusion(long learner, long pmpc, String categories, LocalDate review) {
		return insert("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, 'T-1', ?, 'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', ?, ?, 'test')""", learner,
				Date.valueOf(census.minusYears(1)), pmpc, categories, Date.valueOf(review), now);
	}

	private void service(long conclusion, String specialist, String hours) {
		jdbc.sql("INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, ?, ?)")
			.params(conclusion, specialist, new java.math.BigDecimal(hours))
			.update();
	}

	private void enrol(long learner, long school, String form) {
		insert("""
				INSERT INTO enrolment (learner_id, organisation_id, grade, class_name, form, started_on, recorded_at,
					recorded_by) VALUES (?, ?, '3', '3А', ?, ?, ?, 'test')""", learner, school, form,
				Date.valueOf(census.minusMonths(1)), now);
	}

	private void level(long learner, int level) {
		insert("""
				INSERT INTO support_level (learner_id, level_number, set_on, rationale, recorded_at, recorded_by)
				VALUES (?, ?, ?, 'test', ?, 'test')""", learner, level, Date.valueOf(census.minusMonths(2)), now);
	}

	private void consent(long learner) {
		insert("""
				INSERT INTO consent (learner_id, purpose, given_on, recorded_at, recorded_by)
				VALUES (?, 'DATA_PROCESSING', ?, ?, 'test')""", learner, Date.valueOf(census.minusYears(1)), now);
	}

	private void session(long learner, String specialist, LocalDate day, boolean attended) {
		insert("""
				INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, missed_reason,
					recorded_at, recorded_by) VALUES (?, ?, 45, ?, FALSE, ?, ?, ?, 'test')""", learner,
				Date.valueOf(day), specialist, attended, attended ? null : "ILLNESS", now);
	}

	private long plan(long learner) {
		return insert("""
				INSERT INTO plan (learner_id, school_year, started_on, adaptations, created_at, created_by, updated_at,
					updated_by, version) VALUES (?, ?, ?, 'test', ?, 'test', ?, 'test', 0)""", learner, year,
				Date.valueOf(census.minusDays(10)), now, now);
	}

	private long goal(long plan) {
		return insert("""
				INSERT INTO plan_goal (plan_id, goal_domain, description, baseline, target_state, measure)
				VALUES (?, 'COMMUNICATION', 'test', 'test', 'test', 'test')""", plan);
	}

	private long review(long plan, int term) {
		return insert("""
				INSERT INTO plan_review (plan_id, term_number, reviewed_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, 'test')""", plan, term,
				Date.valueOf(new org.barshaga.kernel.SchoolYear(year).termEnd(term)), now);
	}

	private void rate(long review, long goal, int score) {
		jdbc.sql("INSERT INTO goal_rating (review_id, goal_id, score) VALUES (?, ?, ?)")
			.params(review, goal, score)
			.update();
	}

	private long insert(String sql, Object... values) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(values).update(keys, "id");
		return keys.getKey().longValue();
	}

}
