package org.barshaga.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.kernel.CurriculumSubject;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A district of two schools whose first-term outcomes are worked out by hand in
 * {@link OutcomeIndicatorTests}, in the school year before the current one.
 *
 * <pre>
 * school A, grade 5: 5 peers, mathematics 60 70 80 70 70 (mean 70), Kazakh 80 each
 *   L1 (2 h/week recommended, exactly 80% delivered): mathematics 62 (-8), Kazakh 76 (-4),
 *      physics 10, which no peer sat: gap -6; absent 6 of 40 days against the peers' 2 of 40: +10
 * school A, grade 6: 5 peers, mathematics 50 each, and L5, whose conclusion is made after the
 *   term, so a peer in it: mathematics 80 (peers' mean 55)
 *   L2 (1 h/week recommended, just under 80% delivered): mathematics 30: gap -25
 * school B, grade 5: 5 peers, mathematics 90 each
 *   L3 (no hours recommended): mathematics 70: gap -20 (against grade 5 of school A it would be 0)
 * school B, grade 7: 3 peers, mathematics 60 each
 *   L4 (no hours): mathematics 10: too few peers, not compared
 * </pre>
 */
final class OutcomeFixture {

	static final String DISTRICT = "KZ-10-T02";

	static final String DISTRICT_PATH = "/KZ/KZ-10/" + DISTRICT + "/";

	final int year;

	final LocalDate termStart;

	final LocalDate termEnd;

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	private int serial = 9000;

	private long pmpc;

	OutcomeFixture(JdbcClient jdbc, int currentYear) {
		this.jdbc = jdbc;
		this.year = currentYear - 1;
		this.termStart = new SchoolYear(year).start();
		this.termEnd = new SchoolYear(year).termEnd(1);
	}

	/** Minutes that are 80% of the term's recommended hours at the weekly hours given. */
	int eightyPerCentMinutes(int weeklyHours) {
		return (int) Math.ceil(0.8 * weeklyHours * 60 * OutcomeFacts.weekdays(termStart, termEnd) / 5.0);
	}

	void create() {
		jdbc.sql("""
				INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
				VALUES (?, 'KZ-10', 'district', ?, 2, 'Нәтиже ауданы', 'Район результатов', 'Outcome district',
					DATE '2020-01-01')""").params(DISTRICT, DISTRICT_PATH).update();
		pmpc = jdbc.sql("SELECT MIN(id) FROM organisation WHERE type = 'PMPC'").query(Long.class).single();
		long a = school(DISTRICT + "-A");
		long b = school(DISTRICT + "-B");
		for (int mark : new int[] { 60, 70, 80, 70, 70 }) {
			String peer = pupil(a, 5);
			result(peer, CurriculumSubject.MATHEMATICS, mark);
			result(peer, CurriculumSubject.KAZAKH_LANGUAGE, 80);
			attendance(peer, 40, 2);
		}
		String l1 = pupil(a, 5);
		learner(l1, 2, eightyPerCentMinutes(2));
		result(l1, CurriculumSubject.MATHEMATICS, 62);
		result(l1, CurriculumSubject.KAZAKH_LANGUAGE, 76);
		result(l1, CurriculumSubject.PHYSICS, 10);
		attendance(l1, 40, 6);
		for (int i = 0; i < 5; i++) {
			result(pupil(a, 6), CurriculumSubject.MATHEMATICS, 50);
		}
		String l2 = pupil(a, 6);
		learner(l2, 1, eightyPerCentMinutes(1) - 1);
		result(l2, CurriculumSubject.MATHEMATICS, 30);
		for (int i = 0; i < 5; i++) {
			result(pupil(b, 5), CurriculumSubject.MATHEMATICS, 90);
		}
		String l3 = pupil(b, 5);
		learner(l3, 0, 0);
		result(l3, CurriculumSubject.MATHEMATICS, 70);
		for (int i = 0; i < 3; i++) {
			result(pupil(b, 7), CurriculumSubject.MATHEMATICS, 60);
		}
		String l4 = pupil(b, 7);
		learner(l4, 0, 0);
		result(l4, CurriculumSubject.MATHEMATICS, 10);
		// a conclusion made after the term: a peer in the term, like any pupil
		String l5 = pupil(a, 6);
		long late = learnerRow(l5);
		conclusion(late, termEnd.plusDays(1), 0);
		result(l5, CurriculumSubject.MATHEMATICS, 80);
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
		String iin = Iin.of(birth, Sex.FEMALE, serial++);
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, birth_date, sex, organisation_id,
					grade, language) VALUES (?, ?, 'Нәтиже', 'Тест', ?, 'FEMALE', ?, ?, 'KK')""")
			.params(year, iin, Date.valueOf(birth), school, grade)
			.update();
		return iin;
	}

	private void result(String iin, CurriculumSubject subject, double percentage) {
		jdbc.sql(
				"INSERT INTO term_result (iin, school_year, term, subject, mark, percentage) VALUES (?, ?, 1, ?, NULL, ?)")
			.params(Long.parseLong(iin), year, subject.number(), (float) percentage)
			.update();
	}

	private void attendance(String iin, int days, int absent) {
		jdbc.sql("""
				INSERT INTO term_attendance (iin, school_year, term, school_days, absent_excused, absent_unexcused)
				VALUES (?, ?, 1, ?, ?, 0)""").params(Long.parseLong(iin), year, days, absent).update();
	}

	/**
	 * A learner with a conclusion before the term recommending the weekly hours, and the
	 * minutes delivered.
	 */
	private void learner(String iin, int weeklyHours, int minutes) {
		long learner = learnerRow(iin);
		conclusion(learner, termStart.minusMonths(6), weeklyHours);
		LocalDate day = termStart.plusDays(1);
		for (int left = minutes; left > 0; left -= 240) {
			insert("""
					INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, missed_reason,
						recorded_at, recorded_by) VALUES (?, ?, ?, 'SPECIAL_TEACHER', FALSE, TRUE, NULL, ?, 'test')""",
					learner, Date.valueOf(day), Math.min(240, left), now);
			day = day.plusDays(1);
		}
		// a missed session delivers nothing
		insert("""
				INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, missed_reason,
					recorded_at, recorded_by) VALUES (?, ?, 240, 'SPECIAL_TEACHER', FALSE, FALSE, 'ILLNESS', ?, 'test')""",
				learner, Date.valueOf(termEnd), now);
	}

	private long learnerRow(String iin) {
		return insert(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, birth_date, sex, citizenship, language,
							disability, home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by, version)
						VALUES (?, NULL, 'Нәтиже', 'Бала', ?, 'FEMALE', 'KZ', 'KK', 'NONE', ?, ?, 'нәтиже', ?, 'test', ?, 'test', 0)""",
				iin, Date.valueOf(Iin.birthDate(iin)), DISTRICT, DISTRICT_PATH, now, now);
	}

	private void conclusion(long learner, LocalDate on, int weeklyHours) {
		long conclusion = insert(
				"""
						INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
							form, conditions, next_review_on, recorded_at, recorded_by)
						VALUES (?, ?, ?, 'O-1', 'DEVELOPMENTAL_DELAY', 'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', ?, ?, 'test')""",
				learner, Date.valueOf(on), pmpc, Date.valueOf(on.plusYears(2)), now);
		if (weeklyHours > 0) {
			jdbc.sql("INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, ?, ?)")
				.params(conclusion, "SPECIAL_TEACHER", BigDecimal.valueOf(weeklyHours))
				.update();
		}
	}

	private long insert(String sql, Object... values) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(values).update(keys, "id");
		return keys.getKey().longValue();
	}

}
