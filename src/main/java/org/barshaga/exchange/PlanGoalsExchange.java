package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.learner.GoalDomain;

import org.springframework.stereotype.Component;

/**
 * Goals of individual plans, by plan (learner and school year), domain and description.
 */
@Component
class PlanGoalsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.PLAN_GOALS,
			List.of(Column.iin("iin"), Column.year("school_year"), Column.code("goal_domain", true, GoalDomain.class),
					Column.text("description", true, 1000), Column.text("baseline", true, 1000),
					Column.text("target_state", true, 1000), Column.text("measure", true, 400)),
			List.of("iin", "school_year", "goal_domain", "description"));

	private static final int IIN = 0, YEAR = 1, DOMAIN = 2, DESCRIPTION = 3, BASELINE = 4, TARGET = 5, MEASURE = 6;

	private static final String MERGE = Merge.into("plan_goal")
		.key("plan_id", "BIGINT")
		.key("goal_domain", "VARCHAR(30)")
		.key("description", "VARCHAR(1000)")
		.value("baseline", "VARCHAR(1000)")
		.value("target_state", "VARCHAR(1000)")
		.value("measure", "VARCHAR(400)")
		.sql();

	private final ExportQueries exports;

	PlanGoalsExchange(ExportQueries exports) {
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
				References.Person learner = Checks.learner(references, row, IIN, problems);
				Long plan = learner == null ? null : references.plan(learner.id(), row.integer(YEAR));
				if (learner != null && plan == null) {
					problems
						.add(new Rejection(row.line(), "school_year", row.raw(YEAR), "exchange.reason.unknownPlan"));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return new Object[] { plan, row.text(DOMAIN), row.text(DESCRIPTION), row.text(BASELINE),
						row.text(TARGET), row.text(MEASURE) };
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
						SELECT l.id AS learner_id, l.iin, p.school_year, g.goal_domain, g.description, g.baseline, g.target_state, g.measure
						FROM plan_goal g JOIN plan p ON p.id = g.plan_id JOIN learner l ON l.id = p.learner_id
						WHERE l.iin IS NOT NULL AND"""
						+ " " + actor.scope()
							.sql("l.path")
						+ " ORDER BY l.iin, p.school_year, g.goal_domain, g.description",
				actor.scope(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), rs.getString("school_year"), rs.getString("goal_domain"),
								rs.getString("description"), rs.getString("baseline"), rs.getString("target_state"),
								rs.getString("measure") }));
	}

}
