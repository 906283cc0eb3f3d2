package org.barshaga.exchange;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.learner.EducationForm;
import org.barshaga.learner.Programme;
import org.barshaga.learner.RecommendedCondition;
import org.barshaga.learner.SenCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PMPC conclusions by learner and conclusion number, with the recommended weekly hours
 * per specialist; a re-imported conclusion replaces its services with the file's.
 */
@Component
class ConclusionsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.CONCLUSIONS,
			List.of(Column.iin("iin"), Column.text("conclusion_number", true, 40), Column.date("concluded_on", true),
					Column.placeCode("pmpc_code", true),
					Column.codes("sen_categories", true, SenCategory.class).asHealth(),
					Column.code("programme", true, Programme.class),
					Column.code("form", true,
							Column.names(EducationForm.class).stream().filter(f -> !f.equals("NOT_ENROLLED")).toList(),
							"code.EducationForm."),
					Column.codes("conditions", false, RecommendedCondition.class), Column.date("next_review_on", true),
					Column.services("services", SpecialistType.class)),
			List.of("iin", "conclusion_number"));

	private static final int IIN = 0, NUMBER = 1, CONCLUDED = 2, PMPC = 3, CATEGORIES = 4, PROGRAMME = 5, FORM = 6,
			CONDITIONS = 7, REVIEW = 8, SERVICES = 9;

	private static final String MERGE = Merge.into("conclusion")
		.key("learner_id", "BIGINT")
		.key("conclusion_number", "VARCHAR(40)")
		.value("concluded_on", "DATE")
		.value("pmpc_id", "BIGINT")
		.kept("sen_categories", "VARCHAR(300)", "NULL")
		.value("programme", "VARCHAR(40)")
		.value("form", "VARCHAR(30)")
		.value("conditions", "VARCHAR(300)")
		.value("next_review_on", "DATE")
		.recorded()
		.sql();

	private static final String CLEAR_SERVICES = """
			DELETE FROM conclusion_service WHERE conclusion_id IN
				(SELECT id FROM conclusion WHERE learner_id = ? AND conclusion_number = ?)""";

	private static final String ADD_SERVICE = """
			INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours)
			SELECT id, ?, ? FROM conclusion WHERE learner_id = ? AND conclusion_number = ?""";

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	ConclusionsExchange(ExportQueries exports, JdbcClient jdbc) {
		this.exports = exports;
		this.jdbc = jdbc;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	private record Row(Object[] conclusion, Map<String, BigDecimal> services) {
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
		Map<String, Long> pmpcs = new HashMap<>();
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Person learner = Checks.learner(references, row, IIN, problems);
				Checks.notInFuture(row, CONCLUDED, "concluded_on", today, problems);
				LocalDate review = row.date(REVIEW);
				if (review != null && !review.isAfter(row.date(CONCLUDED))) {
					problems.add(new Rejection(row.line(), "next_review_on", row.raw(REVIEW),
							"exchange.reason.beforeStart", "concluded_on"));
				}
				Long pmpc = pmpcs.computeIfAbsent(row.text(PMPC),
						code -> jdbc.sql("SELECT id FROM organisation WHERE code = ? AND type = 'PMPC'")
							.param(code)
							.query(Long.class)
							.optional()
							.orElse(-1L));
				if (pmpc < 0) {
					problems.add(new Rejection(row.line(), "pmpc_code", row.raw(PMPC), "exchange.reason.notPmpc"));
				}
				boolean health = learner != null && categories(learner.id(), row, problems);
				if (!problems.isEmpty()) {
					return null;
				}
				return new Row(
						Statements.withStamp(context, learner.id(), row.text(NUMBER), row.date(CONCLUDED), pmpc,
								health ? String.join(",", row.codes(CATEGORIES).stream().sorted().toList()) : null,
								row.text(PROGRAMME), row.text(FORM),
								String.join(",", row.codes(CONDITIONS).stream().sorted().toList()), review),
						row.services(SERVICES));
			}

			/**
			 * Whether the row's SEN categories are written. A new conclusion needs them,
			 * so an importer who may not see the child's health fields only changes the
			 * other fields of a conclusion already recorded.
			 */
			private boolean categories(long learnerId, ParsedRow row, List<Rejection> problems) {
				boolean seen = context.health().sees(jdbc, learnerId);
				boolean written = Checks.healthCell(row, CATEGORIES, LAYOUT.columns().get(CATEGORIES), seen, problems);
				if (!seen && row.raw(CATEGORIES).isEmpty()
						&& jdbc.sql("SELECT COUNT(*) FROM conclusion WHERE learner_id = ? AND conclusion_number = ?")
							.param(learnerId)
							.param(row.text(NUMBER))
							.query(Long.class)
							.single() == 0) {
					problems.add(new Rejection(row.line(), "sen_categories", "", "exchange.reason.healthNew",
							"sen_categories"));
				}
				return written;
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				List<Object[]> conclusions = new ArrayList<>();
				List<Object[]> clear = new ArrayList<>();
				List<Object[]> services = new ArrayList<>();
				for (Object value : rows) {
					Row row = (Row) value;
					conclusions.add(row.conclusion());
					Object learner = row.conclusion()[0];
					Object number = row.conclusion()[1];
					clear.add(new Object[] { learner, number });
					row.services()
						.forEach((specialist, hours) -> services
							.add(new Object[] { specialist, hours, learner, number }));
				}
				Statements.batch(connection, MERGE, conclusions);
				Statements.batch(connection, CLEAR_SERVICES, clear);
				Statements.batch(connection, ADD_SERVICE, services);
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		Map<Long, String> services = exports.services("""
				SELECT s.conclusion_id, s.specialist, s.weekly_hours FROM conclusion_service s
				JOIN conclusion c ON c.id = s.conclusion_id JOIN learner l ON l.id = c.learner_id
				WHERE""" + " " + actor.scope().sql("l.path") + " ORDER BY s.conclusion_id, s.specialist",
				actor.scope());
		exports.stream(
				"""
						SELECT c.id, l.id AS learner_id, l.iin, c.conclusion_number, c.concluded_on, p.code AS pmpc_code, c.sen_categories,
							c.programme, c.form, c.conditions, c.next_review_on, CASE WHEN %s THEN 1 ELSE 0 END AS health_seen
						FROM conclusion c JOIN learner l ON l.id = c.learner_id JOIN organisation p ON p.id = c.pmpc_id
						WHERE l.iin IS NOT NULL AND"""
					.formatted(rows.health().sql("l"))
						+ " " + actor.scope().sql("l.path") + " ORDER BY l.iin, c.conclusion_number",
				actor.scope(), rows.health(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), rs.getString("conclusion_number"),
								ExportQueries.date(rs, "concluded_on"), rs.getString("pmpc_code"),
								rs.getInt("health_seen") == 1 ? ExportQueries.list(rs, "sen_categories") : "",
								rs.getString("programme"), rs.getString("form"), ExportQueries.list(rs, "conditions"),
								ExportQueries.date(rs, "next_review_on"),
								services.getOrDefault(rs.getLong("id"), "") }));
	}

}
