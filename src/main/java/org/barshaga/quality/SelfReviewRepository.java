package org.barshaga.quality;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the self-review page reads of one school: the rounds of an instrument it answered,
 * its scale scores and evidence notes in one round, and the voices of its parents and
 * pupils. Every query names the school by id and its path inside the caller's scope, so a
 * school outside the scope yields nothing.
 */
@Repository
class SelfReviewRepository {

	/** A round the school answered, with its responses and the day of the last one. */
	record Answered(long round, int version, LocalDate opensOn, LocalDate closesOn, int responses,
			LocalDate lastSubmitted) {
	}

	/** A scale's valid scores at the school in a round: how many and their mean. */
	record ScaleMean(long valid, Double mean) {
	}

	/** An evidence note: its item, and its text once names are removed (else null). */
	record Note(String item, String text) {
	}

	private final JdbcClient jdbc;

	SelfReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rounds of an instrument the school has responses in, the newest first. */
	List<Answered> answered(String instrument, long school, DataScope scope) {
		return scope.bind(jdbc.sql("""
				SELECT r.id, r.instrument_version, r.opens_on, r.closes_on, COUNT(q.id) AS responses,
					MAX(q.submitted_on) AS last_submitted
				FROM quality_round r JOIN quality_response q ON q.round_id = r.id
				WHERE r.instrument_code = :instrument AND q.organisation_id = :school AND %s
				GROUP BY r.id, r.instrument_version, r.opens_on, r.closes_on
				ORDER BY r.opens_on DESC, r.id DESC""".formatted(scope.sql("q.path"))))
			.param("instrument", instrument)
			.param("school", school)
			.query((rs, row) -> new Answered(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getDate(6).toLocalDate()))
			.list();
	}

	/** The school's valid scores in a round by scale (the rule's valid scales only). */
	Map<String, ScaleMean> scales(long round, long school, DataScope scope) {
		Map<String, ScaleMean> means = new LinkedHashMap<>();
		scope.bind(jdbc.sql("""
				SELECT s.scale_code, COUNT(s.score), AVG(s.score) FROM quality_response_scale s
				JOIN quality_response q ON q.id = s.response_id
				WHERE s.round_id = :round AND s.organisation_id = :school AND %s
				GROUP BY s.scale_code ORDER BY s.scale_code""".formatted(scope.sql("q.path"))))
			.param("round", round)
			.param("school", school)
			.query((rs) -> {
				long valid = rs.getLong(2);
				double mean = rs.getDouble(3);
				means.put(rs.getString(1), new ScaleMean(valid, valid == 0 ? null : mean));
			});
		return means;
	}

	/** The school's notes in a round, reviewed or not, in the order they were written. */
	List<Note> notes(long round, long school, DataScope scope) {
		return scope
			.bind(jdbc.sql("""
					SELECT item_code, CASE WHEN status = 'REDACTED' THEN redacted END FROM quality_response_text
					WHERE round_id = :round AND organisation_id = :school AND %s ORDER BY id"""
				.formatted(scope.sql("path"))))
			.param("round", round)
			.param("school", school)
			.query((rs, row) -> new Note(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * The latest round of an instrument opened on or before {@code day} in which the
	 * school answered, with the school's valid scores of one scale. Only the groups the
	 * round's results count are counted (one side of the SEN line with at least
	 * {@link Results#THRESHOLD} valid scores, see {@link RoundAggregation}), so this
	 * figure cannot be set against the results to give a small group's mean back.
	 */
	Optional<Voice> voice(String instrument, String scale, long school, DataScope scope, LocalDate day) {
		return scope.bind(jdbc.sql("""
				SELECT r.id, r.instrument_version, r.opens_on,
					SUM(CASE WHEN g.valid >= :smallest THEN g.valid ELSE 0 END),
					SUM(CASE WHEN g.valid >= :smallest THEN g.points ELSE 0 END)
				FROM quality_round r
				JOIN (SELECT s.round_id, s.sen, COUNT(s.score) AS valid, SUM(s.score) AS points
					FROM quality_response_scale s WHERE s.organisation_id = :school AND s.scale_code = :scale
					GROUP BY s.round_id, s.sen) g ON g.round_id = r.id
				WHERE r.instrument_code = :instrument AND r.opens_on <= :day
					AND EXISTS (SELECT 1 FROM quality_round_school rs
						WHERE rs.round_id = r.id AND rs.organisation_id = :school AND %s)
				GROUP BY r.id, r.instrument_version, r.opens_on
				ORDER BY r.opens_on DESC, r.id DESC""".formatted(scope.sql("rs.path"))))
			.param("instrument", instrument)
			.param("scale", scale)
			.param("school", school)
			.param("smallest", Results.THRESHOLD)
			.param("day", Date.valueOf(day))
			.query((rs, row) -> new Voice(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
					rs.getLong(4) == 0 ? null : rs.getDouble(5) / rs.getLong(4)))
			.stream()
			.findFirst();
	}

	/** A scale of another instrument at the school: its round and valid scores. */
	record Voice(long round, int version, LocalDate opensOn, long valid, Double mean) {
	}

}
