package org.barshaga.indicators;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;

import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A district surveyed in the current school year, worked out by hand in
 * {@link QualityIndicatorTests}. Scores are stored as the scoring rule leaves them.
 *
 * <pre>
 * school A (urban), school B (rural)
 * parents' round: A 7 responses, partnership 50 60 70 80 90 100 and one invalid; 10 expected
 *                 B 3 responses, partnership 10 20 30 (a group under five); 4 expected
 * pupils' round:  A 5 pupils with SEN at 40, 4 peers at 60 (a group under five),
 *                 5 pupils who did not say at 80
 * teachers' round: A instruction 5 x 60, collaboration 5 x 80, behaviour 4 x 100 (under five),
 *                  attitudes 5 x 0
 * self-review:    A cultures 62.5, B cultures 37.5
 * last year:      A parents' round, partnership 5 x 0
 *
 * partnership: district 75.0 (B left out), A 75.0, B none
 * belonging: A 60.0; pupils with SEN 40.0, peers none
 * teachers' efficacy: A 70.0; instruction 60.0, collaboration 80.0, behaviour none
 * self-review cultures: district 50.0, B 37.5
 * response rate, parents: (7 + 3) / (10 + 4) = 71.4%
 * </pre>
 */
final class QualityFixture {

	static final String DISTRICT = "KZ-10-Q05";

	static final String DISTRICT_PATH = "/KZ/KZ-10/" + DISTRICT + "/";

	static final String A = DISTRICT + "-A";

	static final String B = DISTRICT + "-B";

	final int year;

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	private long a;

	private long b;

	QualityFixture(JdbcClient jdbc, int currentYear) {
		this.jdbc = jdbc;
		this.year = currentYear;
	}

	void create() {
		jdbc.sql("""
				INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
				VALUES (?, 'KZ-10', 'district', ?, 2, 'Сауалнама ауданы', 'Район опросов', 'Survey district',
					DATE '2020-01-01')""").params(DISTRICT, DISTRICT_PATH).update();
		a = school(A, "URBAN");
		b = school(B, "RURAL");
		LocalDate census = new SchoolYear(year).census();
		long parents = round("PARENT_SEN", census);
		expected(parents, a, "URBAN", 10);
		expected(parents, b, "RURAL", 4);
		for (double score : new double[] { 50, 60, 70, 80, 90, 100 }) {
			response(parents, a, null, "PARTNERSHIP", score);
		}
		response(parents, a, null, "PARTNERSHIP", null);
		for (double score : new double[] { 10, 20, 30 }) {
			response(parents, b, null, "PARTNERSHIP", score);
		}
		long pupils = round("PUPIL_VOICE", census);
		expected(pupils, a, "URBAN", 20);
		repeat(5, () -> response(pupils, a, true, "BELONGING", 40.0));
		repeat(4, () -> response(pupils, a, false, "BELONGING", 60.0));
		repeat(5, () -> response(pupils, a, null, "BELONGING", 80.0));
		long teachers = round("TEACHER_EFFICACY", census);
		expected(teachers, a, "URBAN", 6);
		for (int i = 0; i < 5; i++) {
			long response = response(teachers, a, null, "INSTRUCTION", 60.0);
			scale(response, teachers, a, null, "COLLABORATION", 80.0);
			scale(response, teachers, a, null, "ATTITUDES", 0.0);
			if (i < 4) {
				scale(response, teachers, a, null, "BEHAVIOUR", 100.0);
			}
		}
		long review = round("SCHOOL_SELF_REVIEW", census);
		expected(review, a, "URBAN", 1);
		expected(review, b, "RURAL", 1);
		response(review, a, null, "CULTURES", 62.5);
		response(review, b, null, "CULTURES", 37.5);
		long lastYear = round("PARENT_SEN", new SchoolYear(year - 1).census());
		expected(lastYear, a, "URBAN", 5);
		repeat(5, () -> response(lastYear, a, null, "PARTNERSHIP", 0.0));
	}

	private long school(String code, String settlement) {
		return insert(
				"""
						INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
							settlement, ownership, languages, status, created_at, created_by, updated_at, updated_by, version, pupils)
						VALUES (?, 'GENERAL_SCHOOL', ?, ?, ?, ?, ?, ?, ?, 'STATE', 'KK', 'OPEN', ?, 'test', ?, 'test', 0, 100)""",
				code, "Мектеп " + code, "Школа " + code, "School " + code, code.toLowerCase(), DISTRICT,
				DISTRICT_PATH + code + "/", settlement, now, now);
	}

	private long round(String instrument, LocalDate opensOn) {
		return insert("""
				INSERT INTO quality_round (instrument_code, instrument_version, unit_code, path, opens_on, closes_on,
					created_at, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, 'test')""", instrument, DISTRICT,
				DISTRICT_PATH, Date.valueOf(opensOn), Date.valueOf(opensOn.plusDays(30)), now);
	}

	private void expected(long round, long school, String settlement, int people) {
		jdbc.sql("""
				INSERT INTO quality_round_school (round_id, organisation_id, path, settlement, expected)
				VALUES (?, ?, (SELECT path FROM organisation WHERE id = ?), ?, ?)""")
			.params(round, school, school, settlement, people)
			.update();
	}

	private long response(long round, long school, Boolean sen, String scale, Double score) {
		long response = insert(
				"""
						INSERT INTO quality_response (round_id, organisation_id, path, settlement, sen, submitted_on)
						VALUES (?, ?, (SELECT path FROM organisation WHERE id = ?), (SELECT settlement FROM organisation WHERE id = ?),
							?, ?)""",
				round, school, school, school, sen, Date.valueOf(LocalDate.now()));
		scale(response, round, school, sen, scale, score);
		return response;
	}

	private void scale(long response, long round, long school, Boolean sen, String scale, Double score) {
		jdbc.sql("""
				INSERT INTO quality_response_scale (response_id, round_id, organisation_id, scale_code, answered, score,
					sen) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(response, round, school, scale, score == null ? 1 : 5, score, sen)
			.update();
	}

	private static void repeat(int times, Runnable action) {
		Collections.nCopies(times, action).forEach(Runnable::run);
	}

	private long insert(String sql, Object... params) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKey().longValue();
	}

}
