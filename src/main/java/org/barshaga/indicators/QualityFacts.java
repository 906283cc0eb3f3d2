package org.barshaga.indicators;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of the quality surveys: the valid scale scores of the rounds that opened in
 * the school year, and each school's responses against the people it was to reach.
 * docs/indicators.md, "The voices of schools, teachers, parents and pupils", defines
 * them.
 *
 * <p>
 * Scores are read in groups of one round, one school, one scale and one side of the SEN
 * line (pupils say whether they have SEN; others are one group). An anonymous survey's
 * group with fewer than {@link Suppression#THRESHOLD} valid scores is left out of every
 * figure, for every reader: a figure that held it could be set against the figures that
 * leave it out (the round's results, a sibling, the other side of the line) to give a
 * mean of fewer than five people back. The school self-review is signed by the principal
 * and not anonymous, so a school's one review counts.
 */
final class QualityFacts {

	/** The scales indicators read, with the instrument that owns each. */
	private static final Map<String, String> OWNER = owners();

	private static final String SIGNED = "SCHOOL_SELF_REVIEW";

	private final JdbcClient jdbc;

	private final YearFacts facts;

	private final Map<Long, SchoolPlace> schools = new HashMap<>();

	private QualityFacts(JdbcClient jdbc, YearFacts facts) {
		this.jdbc = jdbc;
		this.facts = facts;
	}

	static void load(JdbcClient jdbc, YearFacts facts, int year) {
		Date from = Date.valueOf(new SchoolYear(year).start());
		Date to = Date.valueOf(new SchoolYear(year + 1).start());
		boolean surveyed = jdbc.sql("SELECT COUNT(*) FROM quality_round WHERE opens_on >= :from AND opens_on < :to")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single() > 0;
		if (!surveyed) {
			return;
		}
		QualityFacts quality = new QualityFacts(jdbc, facts);
		quality.schools();
		quality.scores(from, to);
		quality.responses(from, to);
	}

	private void schools() {
		schools.putAll(SchoolPlace.read(jdbc, "id IN (SELECT organisation_id FROM quality_round_school)"));
	}

	private void scores(Date from, Date to) {
		jdbc.sql("""
				SELECT r.instrument_code, v.organisation_id, v.sen, v.scale_code, COUNT(*) AS scores,
					SUM(v.score) AS points
				FROM quality_response_scale v
				JOIN quality_round r ON r.id = v.round_id
				WHERE v.score IS NOT NULL AND r.opens_on >= :from AND r.opens_on < :to
				GROUP BY r.id, r.instrument_code, v.organisation_id, v.sen, v.scale_code""")
			.param("from", from)
			.param("to", to)
			.query((ResultSet rs) -> {
				score(rs);
			});
	}

	private void score(ResultSet rs) throws SQLException {
		String instrument = rs.getString("instrument_code");
		String scale = rs.getString("scale_code");
		long scores = rs.getLong("scores");
		SchoolPlace school = schools.get(rs.getLong("organisation_id"));
		if (school == null || !instrument.equals(OWNER.get(scale))
				|| (!SIGNED.equals(instrument) && scores < Suppression.THRESHOLD)) {
			return;
		}
		byte[] dimensions = dimensions(school);
		boolean sen = rs.getBoolean("sen");
		if (!rs.wasNull()) {
			dimensions[Dimension.LEARNER_GROUP.ordinal()] = (byte) Dimension.LEARNER_GROUP.index(sen ? "SEN" : "PEER");
		}
		dimensions[Dimension.QUALITY_SCALE.ordinal()] = (byte) Dimension.QUALITY_SCALE.index(scale);
		double[] row = new double[Measure.columns(Measure.Scope.QUALITY)];
		row[Measure.QUALITY_SCORE_POINTS.column()] = rs.getDouble("points");
		row[Measure.QUALITY_SCORES.column()] = scores;
		add(school, dimensions, Measure.Scope.QUALITY, row);
	}

	private void responses(Date from, Date to) {
		jdbc.sql("""
				SELECT r.instrument_code, s.organisation_id, s.expected,
					(SELECT COUNT(*) FROM quality_response q
						WHERE q.round_id = s.round_id AND q.organisation_id = s.organisation_id) AS responses
				FROM quality_round_school s JOIN quality_round r ON r.id = s.round_id
				WHERE r.opens_on >= :from AND r.opens_on < :to""")
			.param("from", from)
			.param("to", to)
			.query((ResultSet rs) -> {
				SchoolPlace school = schools.get(rs.getLong("organisation_id"));
				int survey = Dimension.SURVEY.index(rs.getString("instrument_code"));
				if (school == null || survey < 0) {
					return;
				}
				byte[] dimensions = dimensions(school);
				dimensions[Dimension.SURVEY.ordinal()] = (byte) survey;
				double[] row = new double[Measure.columns(Measure.Scope.SURVEY)];
				row[Measure.SURVEY_RESPONSES.column()] = rs.getLong("responses");
				row[Measure.SURVEY_EXPECTED.column()] = rs.getLong("expected");
				add(school, dimensions, Measure.Scope.SURVEY, row);
			});
	}

	private static byte[] dimensions(SchoolPlace school) {
		byte[] dimensions = YearFacts.noDimensions();
		if (school.settlement() != null) {
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(school.settlement());
		}
		return dimensions;
	}

	private void add(SchoolPlace school, byte[] dimensions, Measure.Scope scope, double[] row) {
		if (facts.place(school.path()) == null) {
			facts.place(school.place());
		}
		facts.add(school.path(), true, dimensions, scope, row);
	}

	private static Map<String, String> owners() {
		Map<String, List<String>> scales = Map.of(SIGNED, List.of("CULTURES", "POLICIES", "PRACTICES"),
				"TEACHER_EFFICACY", List.of("INSTRUCTION", "COLLABORATION", "BEHAVIOUR", "ATTITUDES"), "PARENT_SEN",
				List.of("PARTNERSHIP", "SUPPORT", "WELLBEING", "DISCRIMINATION"), "PUPIL_VOICE",
				List.of("BELONGING", "HELP", "LEFT_OUT"), "BARRIERS",
				List.of("INFRASTRUCTURE", "STAFF", "FUNDING", "ADMINISTRATION", "SOCIAL"));
		Map<String, String> owners = new HashMap<>();
		scales.forEach((instrument, codes) -> codes.forEach(scale -> owners.put(scale, instrument)));
		return Map.copyOf(owners);
	}

}
