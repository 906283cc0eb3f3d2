package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.LeaverDestination;
import org.barshaga.kernel.LeavingReason;
import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pupils who left a school: when, why and, where the school knows it, where to. A leaver
 * is taken only for a pupil whom an enrolment extract shows at that school, and not dated
 * before the first school year it shows them there (its 1 September).
 */
@Component
class LeaversExchange implements RegisterHandler {

	/**
	 * The school years before the leaving one in which the pupil's enrolment is looked
	 * for: a whole school career, pre-school class included.
	 */
	static final int YEARS_LOOKED_BACK = 13;

	static final Layout LAYOUT = new Layout(Register.LEAVERS,
			List.of(Column.iin("iin"), Column.placeCode("school_code", true), Column.date("left_on", true),
					Column.code("reason", true, LeavingReason.class),
					Column.code("destination", false, LeaverDestination.class)),
			List.of("iin", "left_on"));

	private static final int IIN = 0, SCHOOL = 1, LEFT = 2, REASON = 3, DESTINATION = 4;

	private static final String MERGE = Merge.into("school_leaver")
		.key("iin", "BIGINT")
		.key("left_on", "DATE")
		.value("organisation_id", "BIGINT")
		.value("reason", "VARCHAR(20)")
		.value("destination", "VARCHAR(20)")
		.sql();

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	LeaversExchange(ExportQueries exports, JdbcClient jdbc) {
		this.exports = exports;
		this.jdbc = jdbc;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Organisation school = Checks.organisation(references, row, SCHOOL, "school_code", problems);
				Checks.notInFuture(row, LEFT, "left_on", today, problems);
				LocalDate left = row.date(LEFT);
				if (school != null) {
					Integer first = firstYear(school.id(), row.text(IIN), left, today);
					if (first == null) {
						problems.add(new Rejection(row.line(), "iin", row.text(IIN), "exchange.reason.neverEnrolled",
								school.code()));
					}
					else if (left.isBefore(new SchoolYear(first).start())) {
						problems.add(new Rejection(row.line(), "left_on", row.raw(LEFT),
								"exchange.reason.leftBeforeEnrolment", new SchoolYear(first).start().toString()));
					}
				}
				if (LeavingReason.DEATH.name().equals(row.text(REASON)) && row.text(DESTINATION) != null) {
					problems.add(new Rejection(row.line(), "destination", row.raw(DESTINATION),
							"exchange.reason.noDestination"));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return new Object[] { Long.parseLong(row.text(IIN)), left, school.id(), row.text(REASON),
						row.text(DESTINATION) };
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				Statements.batch(connection, MERGE, Statements.arrays(rows));
			}

		};
	}

	/**
	 * The first school year in which an extract shows the pupil at the school, from a
	 * school career before the year of leaving to the current year (a date left that is
	 * mistyped early still finds the enrolment it contradicts); each year is one probe of
	 * the extract's key.
	 */
	private Integer firstYear(long organisationId, String iin, LocalDate left, LocalDate today) {
		int leaving = SchoolYear.of(left).startYear();
		int current = Math.max(leaving, SchoolYear.of(today).startYear());
		String years = IntStream.rangeClosed(leaving - YEARS_LOOKED_BACK, current)
			.mapToObj(String::valueOf)
			.collect(Collectors.joining(", "));
		List<Integer> first = jdbc
			.sql("SELECT MIN(school_year) FROM enrolment_extract WHERE school_year IN (" + years
					+ ") AND iin = ? AND organisation_id = ?")
			.param(iin)
			.param(organisationId)
			.query(Integer.class)
			.list();
		// MIN over no rows is one row holding null
		return first.isEmpty() ? null : first.get(0);
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream("""
				SELECT r.iin, o.code, r.left_on, r.reason, r.destination
				FROM school_leaver r JOIN organisation o ON o.id = r.organisation_id
				WHERE""" + " " + actor.scope().sql("o.path") + " ORDER BY r.left_on, r.iin", actor.scope(), rs -> {
			String iin = String.format("%012d", rs.getLong("iin"));
			rows.accept(iin, new String[] { iin, rs.getString("code"), ExportQueries.date(rs, "left_on"),
					rs.getString("reason"), ExportQueries.text(rs, "destination") });
		});
	}

}
