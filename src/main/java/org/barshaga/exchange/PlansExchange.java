package org.barshaga.exchange;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SpecialistType;

import org.springframework.stereotype.Component;

/**
 * Individual plans by learner and school year, with the planned weekly hours per
 * specialist. A specialist assigned in the pages stays assigned when the hours change.
 */
@Component
class PlansExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.PLANS,
			List.of(Column.iin("iin"), Column.year("school_year"), Column.date("started_on", true),
					Column.text("adaptations", true, 4000), Column.services("services", SpecialistType.class)),
			List.of("iin", "school_year"));

	private static final int IIN = 0, YEAR = 1, STARTED = 2, ADAPTATIONS = 3, SERVICES = 4;

	private static final String MERGE = Merge.into("plan")
		.key("learner_id", "BIGINT")
		.key("school_year", "INT")
		.value("started_on", "DATE")
		.value("adaptations", "VARCHAR(4000)")
		.created()
		.updated()
		.versioned()
		.sql();

	private static final String PLAN = "(SELECT id FROM plan WHERE learner_id = ? AND school_year = ?)";

	private static final String MERGE_SERVICE = "MERGE INTO plan_service t USING (SELECT " + PLAN
			+ " AS plan_id, CAST(? AS VARCHAR(30)) AS specialist, CAST(? AS DECIMAL(4, 1)) AS weekly_hours) s"
			+ " ON (t.plan_id = s.plan_id AND t.specialist = s.specialist)"
			+ " WHEN MATCHED AND t.weekly_hours <> s.weekly_hours THEN UPDATE SET weekly_hours = s.weekly_hours"
			+ " WHEN NOT MATCHED THEN INSERT (plan_id, specialist, weekly_hours) VALUES (s.plan_id, s.specialist,"
			+ " s.weekly_hours)";

	private static final String CLEAR_SERVICE = "DELETE FROM plan_service WHERE plan_id IN " + PLAN
			+ " AND specialist = ?";

	private final ExportQueries exports;

	PlansExchange(ExportQueries exports) {
		this.exports = exports;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	private record Row(Object[] plan, long learner, int year, Map<String, BigDecimal> services) {
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Person learner = Checks.learner(references, row, IIN, problems);
				if (!problems.isEmpty()) {
					return null;
				}
				return new Row(Statements.withStamp(context, learner.id(), row.integer(YEAR), row.date(STARTED),
						row.text(ADAPTATIONS)), learner.id(), row.integer(YEAR), row.services(SERVICES));
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				List<Object[]> plans = new ArrayList<>();
				List<Object[]> services = new ArrayList<>();
				List<Object[]> cleared = new ArrayList<>();
				for (Object value : rows) {
					Row row = (Row) value;
					plans.add(row.plan());
					for (SpecialistType specialist : SpecialistType.values()) {
						BigDecimal hours = row.services().get(specialist.name());
						if (hours == null) {
							cleared.add(new Object[] { row.learner(), row.year(), specialist.name() });
						}
						else {
							services.add(new Object[] { row.learner(), row.year(), specialist.name(), hours });
						}
					}
				}
				Statements.batch(connection, MERGE, plans);
				Statements.batch(connection, MERGE_SERVICE, services);
				Statements.batch(connection, CLEAR_SERVICE, cleared);
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		Map<Long, String> services = exports.services("""
				SELECT s.plan_id, s.specialist, s.weekly_hours FROM plan_service s
				JOIN plan p ON p.id = s.plan_id JOIN learner l ON l.id = p.learner_id
				WHERE""" + " " + actor.scope().sql("l.path") + " ORDER BY s.plan_id, s.specialist", actor.scope());
		exports.stream("""
				SELECT p.id, l.id AS learner_id, l.iin, p.school_year, p.started_on, p.adaptations
				FROM plan p JOIN learner l ON l.id = p.learner_id
				WHERE l.iin IS NOT NULL AND""" + " " + actor.scope().sql("l.path") + " ORDER BY l.iin, p.school_year",
				actor.scope(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), rs.getString("school_year"),
								ExportQueries.date(rs, "started_on"), rs.getString("adaptations"),
								services.getOrDefault(rs.getLong("id"), "") }));
	}

}
