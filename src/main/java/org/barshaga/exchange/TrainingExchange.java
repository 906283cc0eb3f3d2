package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Component;

/** Training courses of staff members, by staff member, course and completion date. */
@Component
class TrainingExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.TRAINING,
			List.of(Column.placeCode("school_code", true), Column.iin("staff_iin"), Column.text("course", true, 300),
					Column.text("provider", true, 300), Column.integer("hours", true, 1, 2000),
					Column.date("completed_on", true), Column.bool("inclusive", true)),
			List.of("school_code", "staff_iin", "course", "completed_on"));

	private static final int SCHOOL = 0, IIN = 1, COURSE = 2, PROVIDER = 3, HOURS = 4, COMPLETED = 5, INCLUSIVE = 6;

	private static final String MERGE = Merge.into("training")
		.key("staff_id", "BIGINT")
		.key("course", "VARCHAR(300)")
		.key("completed_on", "DATE")
		.value("provider", "VARCHAR(300)")
		.value("hours", "INT")
		.value("inclusive", "BOOLEAN")
		.recorded()
		.sql();

	private final ExportQueries exports;

	TrainingExchange(ExportQueries exports) {
		this.exports = exports;
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
				Checks.notInFuture(row, COMPLETED, "completed_on", today, problems);
				Long staff = school == null ? null : references.staff(school.id(), row.text(IIN));
				if (school != null && staff == null) {
					problems.add(new Rejection(row.line(), "staff_iin", row.raw(IIN), "exchange.reason.unknownStaff"));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return Statements.withStamp(context, staff, row.text(COURSE), row.date(COMPLETED), row.text(PROVIDER),
						row.integer(HOURS), row.bool(INCLUSIVE));
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
						SELECT o.code, s.iin, t.course, t.provider, t.hours, t.completed_on, t.inclusive
						FROM training t JOIN staff_member s ON s.id = t.staff_id JOIN organisation o ON o.id = s.organisation_id
						WHERE s.iin IS NOT NULL AND"""
						+ " " + actor.scope().sql("s.path") + " ORDER BY o.code, s.iin, t.completed_on, t.course",
				actor.scope(),
				rs -> rows.accept(new String[] { rs.getString("code"), rs.getString("iin"), rs.getString("course"),
						rs.getString("provider"), rs.getString("hours"), ExportQueries.date(rs, "completed_on"),
						ExportQueries.bool(rs, "inclusive") }));
	}

}
