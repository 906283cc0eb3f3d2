package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.learner.MissedReason;

import org.springframework.stereotype.Component;

/** Support sessions by learner, day and specialist. */
@Component
class SessionsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.SESSIONS,
			List.of(Column.iin("iin"), Column.date("held_on", true),
					Column.code("specialist", true, SpecialistType.class), Column.integer("minutes", true, 1, 480),
					Column.bool("grouped", true), Column.bool("attended", true),
					Column.code("missed_reason", false, MissedReason.class)),
			List.of("iin", "held_on", "specialist"));

	private static final int IIN = 0, HELD = 1, SPECIALIST = 2, MINUTES = 3, GROUPED = 4, ATTENDED = 5, MISSED = 6;

	private static final String MERGE = Merge.into("support_session")
		.key("learner_id", "BIGINT")
		.key("held_on", "DATE")
		.key("specialist", "VARCHAR(30)")
		.value("minutes", "INT")
		.value("grouped", "BOOLEAN")
		.value("attended", "BOOLEAN")
		.value("missed_reason", "VARCHAR(30)")
		.recorded()
		.sql();

	private final ExportQueries exports;

	SessionsExchange(ExportQueries exports) {
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
				References.Person learner = Checks.learner(references, row, IIN, problems);
				Checks.notInFuture(row, HELD, "held_on", today, problems);
				boolean attended = Boolean.TRUE.equals(row.bool(ATTENDED));
				if (!attended && row.text(MISSED) == null) {
					problems.add(new Rejection(row.line(), "missed_reason", "", "exchange.reason.missedReason"));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return Statements.withStamp(context, learner.id(), row.date(HELD), row.text(SPECIALIST),
						row.integer(MINUTES), row.bool(GROUPED), attended, attended ? null : row.text(MISSED));
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
						SELECT l.id AS learner_id, l.iin, s.held_on, s.specialist, s.minutes, s.grouped, s.attended, s.missed_reason
						FROM support_session s JOIN learner l ON l.id = s.learner_id
						WHERE l.iin IS NOT NULL AND"""
						+ " " + actor.scope().sql("l.path") + " ORDER BY l.iin, s.held_on, s.specialist",
				actor.scope(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), ExportQueries.date(rs, "held_on"),
								rs.getString("specialist"), rs.getString("minutes"), ExportQueries.bool(rs, "grouped"),
								ExportQueries.bool(rs, "attended"), ExportQueries.text(rs, "missed_reason") }));
	}

}
