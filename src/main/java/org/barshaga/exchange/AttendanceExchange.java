package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pupils' attendance by term: the school days of the term and the days absent with a
 * valid reason and without one. Taken, like results, only for a pupil of the same school
 * year's enrolment extract in the importer's scope.
 */
@Component
class AttendanceExchange implements RegisterHandler {

	/** More school days than any term holds is a typing error. */
	static final int MOST_SCHOOL_DAYS = 100;

	static final Layout LAYOUT = new Layout(Register.ATTENDANCE,
			List.of(Column.year("school_year"), Column.integer("term", true, 1, 4), Column.iin("iin"),
					Column.integer("school_days", true, 1, MOST_SCHOOL_DAYS),
					Column.integer("absent_excused", true, 0, MOST_SCHOOL_DAYS),
					Column.integer("absent_unexcused", true, 0, MOST_SCHOOL_DAYS)),
			List.of("school_year", "term", "iin"));

	private static final int YEAR = 0, TERM = 1, IIN = 2, DAYS = 3, EXCUSED = 4, UNEXCUSED = 5;

	private static final Merge MERGE = Merge.into("term_attendance")
		.key("iin", "BIGINT")
		.key("school_year", "SMALLINT")
		.key("term", "SMALLINT")
		.value("school_days", "SMALLINT")
		.value("absent_excused", "SMALLINT")
		.value("absent_unexcused", "SMALLINT");

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	AttendanceExchange(ExportQueries exports, JdbcClient jdbc) {
		this.exports = exports;
		this.jdbc = jdbc;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		EnrolledPupils pupils = new EnrolledPupils(exports, jdbc, context.references().scope());
		BulkMerge bulk = new BulkMerge(MERGE);
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				Outcomes.enrolled(pupils, row, YEAR, IIN, problems);
				int days = row.integer(DAYS);
				if (row.integer(EXCUSED) + row.integer(UNEXCUSED) > days) {
					problems.add(new Rejection(row.line(), "absent_unexcused", row.raw(UNEXCUSED),
							"exchange.reason.absentOverDays", row.integer(EXCUSED) + row.integer(UNEXCUSED), days));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return new Object[] { Long.parseLong(row.text(IIN)), row.integer(YEAR).shortValue(),
						row.integer(TERM).shortValue(), (short) days, row.integer(EXCUSED).shortValue(),
						row.integer(UNEXCUSED).shortValue() };
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				if (context.postgres()) {
					bulk.write(connection, Statements.arrays(rows));
				}
				else {
					Statements.batch(connection, MERGE.sql(), Statements.arrays(rows));
				}
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream(
				"SELECT r.school_year, r.term, e.iin, r.school_days, r.absent_excused, r.absent_unexcused"
						+ " FROM term_attendance r " + Outcomes.PUPIL_IN_SCOPE + actor.scope().sql("o.path")
						+ " ORDER BY r.school_year, r.term, e.iin",
				actor.scope(),
				rs -> rows.accept(rs.getString("iin"),
						new String[] { rs.getString("school_year"), rs.getString("term"), rs.getString("iin"),
								rs.getString("school_days"), rs.getString("absent_excused"),
								rs.getString("absent_unexcused") }));
	}

}
