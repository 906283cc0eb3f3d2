package org.barshaga.quality;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round's results for every place at once: one pass over the valid scale scores grouped
 * by school, then each school's statistics added to every unit above it (its path's
 * prefixes). Only schools in the scope are read, so a place's figures never hold a school
 * outside it.
 */
final class RoundAggregation {

	/** The responses and each scale's statistics of one place, by its path. */
	static final class Place {

		long responses;

		final Map<String, ScoreStats> scales = new HashMap<>();

	}

	private final Map<String, Place> places = new HashMap<>();

	private RoundAggregation() {
	}

	/**
	 * @param anonymous whether the survey is anonymous: then a school's group of one
	 * scale and one side of the SEN line with fewer than {@link Results#THRESHOLD} valid
	 * scores counts in no place's figures, so that no figure can be set against another
	 * to give a small group's mean back (the indicators leave out the same groups)
	 */
	static RoundAggregation of(JdbcClient jdbc, long round, DataScope scope, boolean anonymous) {
		RoundAggregation aggregation = new RoundAggregation();
		Map<Long, String> paths = new HashMap<>();
		scope.bind(jdbc.sql("""
				SELECT s.organisation_id, s.path,
					(SELECT COUNT(*) FROM quality_response q WHERE q.round_id = s.round_id
						AND q.organisation_id = s.organisation_id) AS responses
				FROM quality_round_school s WHERE s.round_id = :round AND %s""".formatted(scope.sql("s.path"))))
			.param("round", round)
			.query(rs -> {
				paths.put(rs.getLong(1), rs.getString(2));
				long responses = rs.getLong(3);
				aggregation.eachPlace(rs.getString(2), place -> place.responses += responses);
			});
		scope.bind(jdbc.sql("""
				SELECT v.organisation_id, v.scale_code, COUNT(*), SUM(v.score), SUM(v.score * v.score),
					SUM(CASE WHEN v.score < 25 THEN 1 ELSE 0 END),
					SUM(CASE WHEN v.score >= 25 AND v.score < 50 THEN 1 ELSE 0 END),
					SUM(CASE WHEN v.score >= 50 AND v.score < 75 THEN 1 ELSE 0 END),
					SUM(CASE WHEN v.score >= 75 THEN 1 ELSE 0 END)
				FROM quality_response_scale v JOIN quality_round_school s
					ON s.round_id = v.round_id AND s.organisation_id = v.organisation_id
				WHERE v.round_id = :round AND v.score IS NOT NULL AND %s
				GROUP BY v.organisation_id, v.scale_code, v.sen
				HAVING COUNT(*) >= :smallest""".formatted(scope.sql("s.path"))))
			.param("round", round)
			.param("smallest", anonymous ? Results.THRESHOLD : 1)
			.query(rs -> {
				String path = paths.get(rs.getLong(1));
				if (path == null) {
					return;
				}
				String scale = rs.getString(2);
				long count = rs.getLong(3);
				double sum = rs.getDouble(4);
				double squares = rs.getDouble(5);
				long[] bands = { rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9) };
				aggregation.eachPlace(path, place -> place.scales.computeIfAbsent(scale, s -> new ScoreStats())
					.add(count, sum, squares, bands));
			});
		return aggregation;
	}

	/**
	 * The place at this path (a unit's or a school's, ending in '/'), or an empty one.
	 */
	Place at(String path) {
		return places.getOrDefault(path, new Place());
	}

	Map<String, Place> all() {
		return places;
	}

	private void eachPlace(String schoolPath, Consumer<Place> action) {
		int from = 1;
		int slash;
		while ((slash = schoolPath.indexOf('/', from)) > 0) {
			action.accept(places.computeIfAbsent(schoolPath.substring(0, slash + 1), p -> new Place()));
			from = slash + 1;
		}
	}

}
