package org.barshaga.learner;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Children made by hand for the personal data tests: one with a row in every table of
 * every module that holds rows about a child, and plain ones whose dates are chosen.
 */
final class ChildFixture {

	/** A child and the ids its sub-records were given. */
	record Child(long id, String iin, long guardian, long conclusion, long plan, long review, long goal) {
	}

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	ChildFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String unusedIin(LocalDate birth, Sex sex) {
		for (int serial = 7000;; serial++) {
			String iin = Iin.of(birth, sex, serial);
			if (iin != null && Iin.isValid(iin) && count("SELECT COUNT(*) FROM learner WHERE iin = :p", iin) == 0
					&& count("SELECT COUNT(*) FROM enrolment_extract WHERE iin = :p", iin) == 0
					&& count("SELECT COUNT(*) FROM health_registry_record WHERE iin = :p", iin) == 0) {
				return iin;
			}
		}
	}

	private long count(String sql, Object parameter) {
		return jdbc.sql(sql).param("p", parameter).query(Long.class).single();
	}

	/** The organisation whose place is the demo account's scope. */
	long organisationOf(String username) {
		return jdbc.sql("""
				SELECT o.id FROM organisation o JOIN app_user u ON u.scope_path = o.path WHERE u.username = :u""")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	String pathOf(long organisation) {
		return jdbc.sql("SELECT path FROM organisation WHERE id = :id")
			.param("id", organisation)
			.query(String.class)
			.single();
	}

	/** A learner with a guardian and nothing else, at the organisation's place. */
	long plain(String iin, String surname, long organisation, LocalDate created) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, birth_date, sex, citizenship, language,
							disability, home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by, version)
						VALUES (:iin, :reason, :surname, 'Тимур', DATE '2015-09-01', 'MALE', 'KZ', 'KK', 'NONE', 'KZ-61-D08', :path,
							:search, :created, 'test', :created, 'test', 0)""")
			.param("iin", iin)
			.param("reason", iin == null ? "NOT_YET_ISSUED" : null)
			.param("surname", surname)
			.param("path", pathOf(organisation))
			.param("search", org.barshaga.kernel.SearchText.fold(surname + " Тимур " + (iin == null ? "" : iin)))
			.param("created", Timestamp.from(created.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insert("""
				INSERT INTO guardian (learner_id, relation, full_name, created_at, created_by)
				VALUES (:learner, 'MOTHER', :name, :now, 'test')""", id, surname + "а Гүлнар");
		return id;
	}

	void enrol(long learner, long organisation, LocalDate from, LocalDate to) {
		jdbc.sql("""
				INSERT INTO enrolment (learner_id, organisation_id, grade, form, started_on, ended_on, end_reason,
					recorded_at, recorded_by)
				VALUES (:learner, :organisation, '3', 'INCLUSIVE_CLASS', :from, :to, :reason, :now, 'test')""")
			.param("learner", learner)
			.param("organisation", organisation)
			.param("from", Date.valueOf(from))
			.param("to", to == null ? null : Date.valueOf(to))
			.param("reason", to == null ? null : "TRANSFER")
			.param("now", now)
			.update();
	}

	long conclude(long learner, LocalDate on, LocalDate nextReview) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (:learner, :on, (SELECT MIN(id) FROM organisation WHERE type = 'PMPC'), 'E-1', 'SPEECH',
					'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', :review, :now, 'test')""")
			.param("learner", learner)
			.param("on", Date.valueOf(on))
			.param("review", Date.valueOf(nextReview))
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void device(long learner, LocalDate provided, LocalDate returned) {
		jdbc.sql(
				"""
						INSERT INTO device (learner_id, kind, provided_on, returned_on, device_condition, recorded_at, recorded_by)
						VALUES (:learner, 'HEARING_AID', :provided, :returned, 'GOOD', :now, 'test')""")
			.param("learner", learner)
			.param("provided", Date.valueOf(provided))
			.param("returned", returned == null ? null : Date.valueOf(returned))
			.param("now", now)
			.update();
	}

	/**
	 * A child with a row in every table of every module that holds rows about a child.
	 */
	Child rich(String iin, long organisation) {
		LocalDate today = LocalDate.now();
		long id = plain(iin, "Эрасов", organisation, today.minusYears(3));
		long guardian = jdbc.sql("SELECT id FROM guardian WHERE learner_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO consent (learner_id, purpose, guardian_id, given_on, recorded_at, recorded_by)
				VALUES (:learner, 'DATA_PROCESSING', :guardian, :on, :now, 'test')""")
			.param("learner", id)
			.param("guardian", guardian)
			.param("on", Date.valueOf(today.minusYears(2)))
			.param("now", now)
			.update();
		long conclusion = conclude(id, today.minusYears(2), today.plusMonths(6));
		jdbc.sql("INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, ?, ?)")
			.params(conclusion, "SPEECH_THERAPIST", new java.math.BigDecimal("2.0"))
			.update();
		insert("""
				INSERT INTO functioning (learner_id, assessed_on, age_group, answers, flagged_domains,
					functional_difficulty, recorded_at, recorded_by)
				VALUES (:learner, CURRENT_DATE, 'AGES_5_17', '', :name, FALSE, :now, 'test')""", id, "SEEING");
		enrol(id, organisation, today.minusYears(2), null);
		insert("""
				INSERT INTO support_level (learner_id, level_number, set_on, rationale, recorded_at, recorded_by)
				VALUES (:learner, 2, CURRENT_DATE, :name, :now, 'test')""", id, "needs a speech therapist");
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO plan (learner_id, school_year, started_on, adaptations, created_at, created_by, updated_at,
							updated_by) VALUES (:learner, 2020, DATE '2020-09-15', 'visual timetable', :now, 'test', :now, 'test')""")
			.param("learner", id)
			.param("now", now)
			.update(keys, "id");
		long plan = keys.getKey().longValue();
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO plan_goal (plan_id, goal_domain, description, baseline, target_state, measure)
				VALUES (:plan, 'COMMUNICATION', 'asks for help in words', 'points', 'asks', 'teacher notes')""")
			.param("plan", plan)
			.update(keys, "id");
		long goal = keys.getKey().longValue();
		jdbc.sql("INSERT INTO plan_service (plan_id, specialist, weekly_hours) VALUES (?, 'SPEECH_THERAPIST', 2.0)")
			.params(plan)
			.update();
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO plan_review (plan_id, term_number, reviewed_on, recorded_at, recorded_by)
				VALUES (:plan, 1, DATE '2020-10-30', :now, 'test')""")
			.param("plan", plan)
			.param("now", now)
			.update(keys, "id");
		long review = keys.getKey().longValue();
		jdbc.sql("INSERT INTO goal_rating (review_id, goal_id, score) VALUES (?, ?, 1)").params(review, goal).update();
		insert("""
				INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, recorded_at,
					recorded_by) VALUES (:learner, CURRENT_DATE, 45, :name, FALSE, TRUE, :now, 'test')""", id,
				"SPEECH_THERAPIST");
		device(id, today.minusYears(1), null);
		jdbc.sql("""
				INSERT INTO learner_transfer (learner_id, status, requester_path, target_path, target_code,
					home_unit_code, surname, given_name, birth_date, requested_at, requested_by)
				VALUES (:learner, 'PENDING', '/KZ/', :path, 'X', 'KZ-61-D08', 'Эрасов', 'Тимур', DATE '2015-09-01',
					:now, 'test')""")
			.param("learner", id)
			.param("path", pathOf(organisation))
			.param("now", now)
			.update();
		jdbc.sql("""
				INSERT INTO support_request (status, requester_id, requester_path, centre_id, centre_path, topic,
					sen_categories, learner_id, urgency, description, submitted_on, submitted_at, submitted_by, version)
				VALUES ('SUBMITTED', :school, :path, (SELECT MIN(id) FROM organisation WHERE type = 'RESOURCE_CENTRE'),
					'/KZ/', 'COMMUNICATION', 'SPEECH', :learner, 'ROUTINE', 'Тимур does not speak in class',
					CURRENT_DATE, :now, 'test', 0)""")
			.param("school", organisation)
			.param("path", pathOf(organisation))
			.param("learner", id)
			.param("now", now)
			.update();
		registers(iin, organisation);
		return new Child(id, iin, guardian, conclusion, plan, review, goal);
	}

	/** The child's rows in the registers keyed by the IIN, and in their linkage. */
	private void registers(String iin, long organisation) {
		long number = Long.parseLong(iin);
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, birth_date, sex, organisation_id,
					grade, language) VALUES (2019, ?, 'Эрасов', 'Тимур', DATE '2015-09-01', 'MALE', ?, 3, 'KK')""")
			.params(iin, organisation)
			.update();
		jdbc.sql(
				"INSERT INTO term_result (iin, school_year, term, subject, mark, percentage) VALUES (?, 2019, 1, 1, 4, 70)")
			.params(number)
			.update();
		jdbc.sql("""
				INSERT INTO term_attendance (iin, school_year, term, school_days, absent_excused, absent_unexcused)
				VALUES (?, 2019, 1, 40, 1, 0)""").params(number).update();
		jdbc.sql("""
				INSERT INTO school_leaver (iin, left_on, organisation_id, reason) VALUES (?, DATE '2019-12-20', ?,
					'TRANSFER')""").params(number, organisation).update();
		jdbc.sql(
				"""
						INSERT INTO health_registry_record (record_id, iin, surname, given_name, birth_date, sex, region_code,
							path, disability_group, updated_at, updated_by)
						VALUES (?, ?, 'Эрасов', 'Тимур', DATE '2015-09-01', 'MALE', 'KZ-61', '/KZ/KZ-61/', 'CHILD_WITH_DISABILITY',
							?, 'test')""")
			.params("HR-" + iin, iin, now)
			.update();
		jdbc.sql("""
				INSERT INTO social_benefit_record (record_id, iin, surname, given_name, birth_date, sex, region_code,
					path, benefit_type, paid_from, updated_at, updated_by)
				VALUES (?, ?, 'Эрасов', 'Тимур', DATE '2015-09-01', 'MALE', 'KZ-61', '/KZ/KZ-61/',
					'CHILD_WITH_DISABILITY', DATE '2019-01-01', ?, 'test')""").params("SB-" + iin, iin, now).update();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO reconcile_run (school_year, scope_path, actor, status, started_at, finished_at,
					match_above, review_above, seed) VALUES (2019, '/KZ/', 'test', 'FINISHED', ?, ?, 0.9, 0.5, 1)""")
			.params(now, now)
			.update(keys, "id");
		long run = keys.getKey().longValue();
		jdbc.sql(
				"""
						INSERT INTO reconcile_result (run_id, register, record_id, outcome, path, residence_path, pupil_iin,
							probability, weight, names_swapped, decided, age, sex)
						VALUES (?, 'HEALTH', ?, 'SUPPORTED', '/KZ/KZ-61/', '/KZ/KZ-61/', ?, 0.99, 12.0, FALSE, FALSE, 4, 'MALE')""")
			.params(run, "HR-" + iin, iin)
			.update();
		jdbc.sql("""
				INSERT INTO reconcile_decision (register, record_id, pupil_iin, confirmed, path, run_id, decided_by,
					decided_at) VALUES ('HEALTH', ?, ?, TRUE, '/KZ/KZ-61/', ?, 'test', ?)""")
			.params("HR-" + iin, iin, run, now)
			.update();
		jdbc.sql("""
				INSERT INTO reconcile_pupil_duplicate (run_id, iin, other_iin, path, other_path)
				VALUES (?, ?, '000000000000', '/KZ/KZ-61/', '/KZ/KZ-61/')""").params(run, iin).update();
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor, action, record_type, record_id, record_path, detail)
				VALUES (?, 'test', 'READ', 'enrolment_pupil', ?, '/KZ/', 'pupil of the enrolment extract')""")
			.params(now, iin)
			.update();
	}

	private void insert(String sql, long learner, String name) {
		jdbc.sql(sql).param("learner", learner).param("name", name).param("now", now).update();
	}

}
