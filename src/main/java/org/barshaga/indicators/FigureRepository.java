package org.barshaga.indicators;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.barshaga.kernel.DataScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The revisions of the figures of record and their values. */
@Repository
class FigureRepository {

	private static final int BATCH = 2_000;

	private static final String INSERT_VALUE = """
			INSERT INTO figure_value (school_year, revision, indicator, path, org_unit, organisation, numerator,
				denominator, figure)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final org.barshaga.kernel.TableStatistics statistics;

	FigureRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.statistics = new org.barshaga.kernel.TableStatistics(template);
	}

	int nextRevision(int year) {
		return jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM figure_revision WHERE school_year = :year")
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	/**
	 * Writes a revision; refused as a conflict when another freeze of the same year took
	 * its number first.
	 */
	void insert(FiguresOfRecord.Revision revision, byte[] facts) {
		try {
			insertRevision(revision, facts);
		}
		catch (org.springframework.dao.DuplicateKeyException taken) {
			throw new org.barshaga.kernel.EditConflictException("figureRevision",
					revision.year() + "/" + revision.revision());
		}
	}

	private void insertRevision(FiguresOfRecord.Revision revision, byte[] facts) {
		jdbc.sql(
				"""
						INSERT INTO figure_revision (school_year, revision, frozen_at, frozen_by, reason, census, value_count, facts)
						VALUES (:year, :revision, :at, :by, :reason, :census, :values, :facts)""")
			.param("year", revision.year())
			.param("revision", revision.revision())
			.param("at", Timestamp.from(revision.frozenAt()))
			.param("by", revision.frozenBy())
			.param("reason", revision.reason())
			.param("census", revision.census())
			.param("values", revision.values())
			.param("facts", facts)
			.update();
	}

	void insertValues(int year, int revision, String indicator, List<IndicatorValue> values) {
		List<Object[]> batch = new ArrayList<>(BATCH);
		for (IndicatorValue value : values) {
			batch.add(new Object[] { year, revision, indicator, value.path(), value.orgUnit(), value.organisation(),
					value.numerator(), value.denominator(), value.value() });
			if (batch.size() == BATCH) {
				template.batchUpdate(INSERT_VALUE, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			template.batchUpdate(INSERT_VALUE, batch);
		}
	}

	/**
	 * After a freeze: without fresh statistics the next comparison of two revisions was a
	 * nested loop over every pair of rows, minutes on the demo data.
	 */
	void refreshStatistics() {
		statistics.refresh("figure_value");
	}

	List<FiguresOfRecord.Revision> revisions(Integer year) {
		return jdbc
			.sql("""
					SELECT school_year, revision, frozen_at, frozen_by, reason, census, value_count, OCTET_LENGTH(facts) AS bytes
					FROM figure_revision WHERE (:year IS NULL OR school_year = :year)
					ORDER BY school_year DESC, revision DESC""")
			.param("year", year, java.sql.Types.INTEGER)
			.query((rs, n) -> new FiguresOfRecord.Revision(rs.getInt("school_year"), rs.getInt("revision"),
					rs.getTimestamp("frozen_at").toInstant(), rs.getString("frozen_by"), rs.getString("reason"),
					rs.getDate("census").toLocalDate(), rs.getInt("value_count"), rs.getLong("bytes")))
			.list();
	}

	byte[] facts(int year, int revision) {
		return jdbc.sql("SELECT facts FROM figure_revision WHERE school_year = :year AND revision = :revision")
			.param("year", year)
			.param("revision", revision)
			.query(byte[].class)
			.optional()
			.orElse(null);
	}

	/**
	 * The values of a revision that differ from the revision before it, inside a scope:
	 * changed, new, or gone.
	 */
	List<FiguresOfRecord.Difference> differences(int year, int revision, DataScope scope, int limit) {
		String changed = """
				SELECT n.indicator, n.path, n.org_unit, n.organisation, o.numerator AS numerator_before,
					o.denominator AS denominator_before, o.figure AS figure_before, n.numerator AS numerator_after,
					n.denominator AS denominator_after, n.figure AS figure_after
				FROM figure_value n
				LEFT JOIN figure_value o ON o.school_year = n.school_year AND o.revision = :previous
					AND o.indicator = n.indicator AND o.path = n.path
				WHERE n.school_year = :year AND n.revision = :revision AND %s
					AND (o.path IS NULL OR o.figure IS DISTINCT FROM n.figure OR o.numerator IS DISTINCT FROM n.numerator
						OR o.denominator IS DISTINCT FROM n.denominator)
				UNION ALL
				SELECT o.indicator, o.path, o.org_unit, o.organisation, o.numerator, o.denominator, o.figure,
					NULL, NULL, NULL
				FROM figure_value o
				WHERE o.school_year = :year AND o.revision = :previous AND %s
					AND NOT EXISTS (SELECT 1 FROM figure_value n WHERE n.school_year = o.school_year
						AND n.revision = :revision AND n.indicator = o.indicator AND n.path = o.path)
				ORDER BY 1, 2
				LIMIT :limit"""
			.formatted(scope.sql("n.path"), scope.sql("o.path"));
		return scope.bind(jdbc.sql(changed))
			.param("year", year)
			.param("revision", revision)
			.param("previous", revision - 1)
			.param("limit", limit)
			.query((rs, n) -> new FiguresOfRecord.Difference(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10)))
			.list();
	}

}
