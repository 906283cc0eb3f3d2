package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.conditions.PositionType;
import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Component;

/** Staff by organisation, IIN and position (one person may hold two posts). */
@Component
class StaffExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.STAFF,
			List.of(Column.placeCode("school_code", true), Column.iin("iin"), Column.name("full_name", true, 200),
					Column.code("position", true, PositionType.class), Column.decimal("fte", true, "0.01", "2"),
					Column.text("qualification", false, 400), Column.date("started_on", true),
					Column.date("ended_on", false)),
			List.of("school_code", "iin", "position"));

	private static final int SCHOOL = 0, IIN = 1, NAME = 2, POSITION = 3, FTE = 4, QUALIFICATION = 5, STARTED = 6,
			ENDED = 7;

	private static final String MERGE = Merge.into("staff_member")
		.key("organisation_id", "BIGINT")
		.key("iin", "CHAR(12)")
		.key("position", "VARCHAR(30)")
		.value("path", "VARCHAR(450)")
		.value("full_name", "VARCHAR(200)")
		.value("fte", "DECIMAL(3, 2)")
		.value("qualification", "VARCHAR(400)")
		.value("started_on", "DATE")
		.value("ended_on", "DATE")
		.updated()
		.versioned()
		.sql();

	private final ExportQueries exports;

	StaffExchange(ExportQueries exports) {
		this.exports = exports;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Organisation school = Checks.organisation(references, row, SCHOOL, "school_code", problems);
				Checks.notBefore(row, ENDED, "ended_on", STARTED, "started_on", problems);
				if (row.decimal(FTE) != null && row.decimal(FTE).scale() > 2
						&& row.decimal(FTE).stripTrailingZeros().scale() > 2) {
					problems.add(new Rejection(row.line(), "fte", row.raw(FTE), "exchange.reason.decimals", 2));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return Statements.withStamp(context, school.id(), row.text(IIN), row.text(POSITION), school.path(),
						row.text(NAME), row.decimal(FTE), row.text(QUALIFICATION), row.date(STARTED), row.date(ENDED));
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				Statements.batch(connection, MERGE, Statements.arrays(rows));
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream(
				"""
						SELECT o.code, s.iin, s.full_name, s.position, s.fte, s.qualification, s.started_on, s.ended_on
						FROM staff_member s JOIN organisation o ON o.id = s.organisation_id
						WHERE s.iin IS NOT NULL AND""" + " " + actor.scope().sql("s.path")
						+ " ORDER BY o.code, s.iin, s.position",
				actor.scope(),
				rs -> rows.accept(new String[] { rs.getString("code"), rs.getString("iin"), rs.getString("full_name"),
						rs.getString("position"), ExportQueries.number(rs, "fte"),
						ExportQueries.text(rs, "qualification"), ExportQueries.date(rs, "started_on"),
						ExportQueries.date(rs, "ended_on") }));
	}

}
