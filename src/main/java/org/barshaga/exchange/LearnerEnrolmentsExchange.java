package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.learner.EducationForm;
import org.barshaga.learner.EnrolmentEndReason;

import org.springframework.stereotype.Component;

/**
 * Where and in which form a learner studies, by learner, school and start date. An open
 * enrolment moves the learner's record to that school, as a transfer in the pages does.
 */
@Component
class LearnerEnrolmentsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.LEARNER_ENROLMENTS,
			List.of(Column.iin("iin"), Column.placeCode("school_code", true), Column.text("grade", false, 10),
					Column.text("class_name", false, 20), Column.code("form", true, EducationForm.class),
					Column.date("started_on", true), Column.date("ended_on", false),
					Column.code("end_reason", false, EnrolmentEndReason.class)),
			List.of("iin", "school_code", "started_on"));

	private static final int IIN = 0, SCHOOL = 1, GRADE = 2, CLASS = 3, FORM = 4, STARTED = 5, ENDED = 6, REASON = 7;

	private static final String MERGE = Merge.into("enrolment")
		.key("learner_id", "BIGINT")
		.key("organisation_id", "BIGINT")
		.key("started_on", "DATE")
		.value("grade", "VARCHAR(10)")
		.value("class_name", "VARCHAR(20)")
		.value("form", "VARCHAR(30)")
		.value("ended_on", "DATE")
		.value("end_reason", "VARCHAR(20)")
		.recorded()
		.sql();

	private static final String MOVE = "UPDATE learner SET path = ?, version = version + 1 WHERE id = ? AND path <> ?";

	private final ExportQueries exports;

	LearnerEnrolmentsExchange(ExportQueries exports) {
		this.exports = exports;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	private record Row(Object[] enrolment, Object[] move) {
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Person learner = Checks.learner(references, row, IIN, problems);
				References.Organisation school = Checks.organisation(references, row, SCHOOL, "school_code", problems);
				if ((row.date(ENDED) == null) != (row.text(REASON) == null)) {
					problems.add(new Rejection(row.line(), row.date(ENDED) == null ? "ended_on" : "end_reason", "",
							"exchange.reason.endTogether"));
				}
				Checks.notBefore(row, ENDED, "ended_on", STARTED, "started_on", problems);
				if (!problems.isEmpty()) {
					return null;
				}
				Object[] move = row.date(ENDED) == null ? new Object[] { school.path(), learner.id(), school.path() }
						: null;
				return new Row(Statements.withStamp(context, learner.id(), school.id(), row.date(STARTED),
						row.text(GRADE), row.text(CLASS), row.text(FORM), row.date(ENDED), row.text(REASON)), move);
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				List<Object[]> enrolments = new ArrayList<>();
				List<Object[]> moves = new ArrayList<>();
				for (Object value : rows) {
					Row row = (Row) value;
					enrolments.add(row.enrolment());
					if (row.move() != null) {
						moves.add(row.move());
					}
				}
				Statements.batch(connection, MERGE, enrolments);
				Statements.batch(connection, MOVE, moves);
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream(
				"""
						SELECT l.id AS learner_id, l.iin, o.code, e.grade, e.class_name, e.form, e.started_on, e.ended_on, e.end_reason
						FROM enrolment e JOIN learner l ON l.id = e.learner_id JOIN organisation o ON o.id = e.organisation_id
						WHERE l.iin IS NOT NULL AND"""
						+ " " + actor.scope().sql("l.path") + " ORDER BY l.iin, e.started_on, o.code",
				actor.scope(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), rs.getString("code"), ExportQueries.text(rs, "grade"),
								ExportQueries.text(rs, "class_name"), rs.getString("form"),
								ExportQueries.date(rs, "started_on"), ExportQueries.date(rs, "ended_on"),
								ExportQueries.text(rs, "end_reason") }));
	}

}
