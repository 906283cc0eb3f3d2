package org.barshaga.exchange;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CurriculumSubject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pupils' term results by subject, from the summative assessment: the term percentage and
 * the five-point mark, which is derived from the percentage when the file leaves it out
 * and must agree with it when given ({@link MarkConversion}). A result is taken only for
 * a pupil of the same school year's enrolment extract in the importer's scope, and is
 * stored as numbers only (docs/data-exchange.md).
 */
@Component
class ResultsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.RESULTS,
			List.of(Column.year("school_year"), Column.integer("term", true, 1, 4), Column.iin("iin"),
					Column.code("subject", true, CurriculumSubject.class),
					Column.decimal("percentage", true, "0", "100"), Column.integer("mark", false, 2, 5)),
			List.of("school_year", "term", "iin", "subject"));

	private static final int YEAR = 0, TERM = 1, IIN = 2, SUBJECT = 3, PERCENTAGE = 4, MARK = 5;

	/**
	 * A percentage is kept to one decimal, which a four-byte real holds exactly enough.
	 */
	static final int PERCENTAGE_DECIMALS = 1;

	private static final Merge MERGE = Merge.into("term_result")
		.key("iin", "BIGINT")
		.key("school_year", "SMALLINT")
		.key("term", "SMALLINT")
		.key("subject", "SMALLINT")
		.value("mark", "SMALLINT")
		.value("percentage", "REAL");

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	ResultsExchange(ExportQueries exports, JdbcClient jdbc) {
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
		MarkConversion marks = new MarkConversion(jdbc);
		BulkMerge bulk = new BulkMerge(MERGE);
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				int year = row.integer(YEAR);
				int grade = Outcomes.enrolled(pupils, row, YEAR, IIN, problems);
				BigDecimal percentage = row.decimal(PERCENTAGE);
				if (percentage.stripTrailingZeros().scale() > PERCENTAGE_DECIMALS) {
					problems.add(new Rejection(row.line(), "percentage", row.raw(PERCENTAGE),
							"exchange.reason.decimals", PERCENTAGE_DECIMALS));
				}
				Integer given = row.integer(MARK);
				Integer mark = given;
				if (grade > MarkConversion.UNMARKED_TO_GRADE) {
					Integer derived = marks.mark(year, percentage.doubleValue());
					if (given != null && derived != null && !given.equals(derived)) {
						problems.add(new Rejection(row.line(), "mark", row.raw(MARK), "exchange.reason.markContradicts",
								derived, percentage.toPlainString()));
					}
					mark = given != null ? given : derived;
				}
				else if (grade != EnrolledPupils.NOT_ENROLLED && given != null) {
					problems
						.add(new Rejection(row.line(), "mark", row.raw(MARK), "exchange.reason.unmarkedGrade", grade));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return new Object[] { Long.parseLong(row.text(IIN)), (short) year, row.integer(TERM).shortValue(),
						(short) CurriculumSubject.valueOf(row.text(SUBJECT)).number(),
						mark == null ? null : mark.shortValue(), percentage.floatValue() };
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
				"SELECT r.school_year, r.term, e.iin, r.subject, r.percentage, r.mark FROM term_result r "
						+ Outcomes.PUPIL_IN_SCOPE + actor.scope().sql("o.path")
						+ " ORDER BY r.school_year, r.term, e.iin, r.subject",
				actor.scope(),
				rs -> rows.accept(rs.getString("iin"),
						new String[] { rs.getString("school_year"), rs.getString("term"), rs.getString("iin"),
								CurriculumSubject.ofNumber(rs.getInt("subject")).name(), percentage(rs),
								ExportQueries.text(rs, "mark") }));
	}

	private static String percentage(ResultSet rs) throws SQLException {
		return new BigDecimal(Float.toString(rs.getFloat("percentage"))).stripTrailingZeros().toPlainString();
	}

}
