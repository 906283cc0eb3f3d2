package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.learner.CfmAgeGroup;
import org.barshaga.learner.ChildFunctioning;
import org.barshaga.learner.FunctioningResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Child Functioning Module answers by learner and date. The flagged domains are computed
 * here by the module's own rules ({@link ChildFunctioning}), never taken from the file.
 * The whole profile is a health field, so a user who may not see a child's health neither
 * gets the child's rows in an export nor loads any.
 */
@Component
class FunctioningExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.FUNCTIONING,
			List.of(Column.iin("iin"), Column.date("assessed_on", true),
					Column.code("age_group", true, CfmAgeGroup.class), Column.text("answers", true, 2000).asHealth()),
			List.of("iin", "assessed_on"));

	private static final int IIN = 0, ASSESSED = 1, GROUP = 2, ANSWERS = 3;

	private static final String MERGE = Merge.into("functioning")
		.key("learner_id", "BIGINT")
		.key("assessed_on", "DATE")
		.value("age_group", "VARCHAR(10)")
		.value("answers", "VARCHAR(2000)")
		.value("flagged_domains", "VARCHAR(400)")
		.value("functional_difficulty", "BOOLEAN")
		.recorded()
		.sql();

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	FunctioningExchange(ExportQueries exports, JdbcClient jdbc) {
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
				References.Person learner = Checks.learner(references, row, IIN, problems);
				Checks.notInFuture(row, ASSESSED, "assessed_on", today, problems);
				boolean seen = learner != null && context.health().sees(jdbc, learner.id());
				if (learner != null
						&& !Checks.healthCell(row, ANSWERS, LAYOUT.columns().get(ANSWERS), seen, problems)) {
					if (!seen && row.raw(ANSWERS).isEmpty()) {
						problems
							.add(new Rejection(row.line(), "answers", "", "exchange.reason.healthHidden", "answers"));
					}
					return null;
				}
				if (row.raw(ANSWERS).isEmpty()) {
					problems.add(new Rejection(row.line(), "answers", "", "exchange.reason.required"));
					return null;
				}
				Map<String, String> answers = new LinkedHashMap<>();
				for (String pair : row.text(ANSWERS).split("\\|")) {
					int equals = pair.indexOf('=');
					if (pair.isBlank()) {
						continue;
					}
					if (equals <= 0) {
						problems.add(new Rejection(row.line(), "answers", pair, "exchange.reason.answers"));
						return null;
					}
					answers.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
				}
				FunctioningResult result;
				try {
					result = ChildFunctioning.evaluate(CfmAgeGroup.valueOf(row.text(GROUP)), answers);
				}
				catch (InvalidInputException invalid) {
					invalid.problems()
						.forEach(p -> problems.add(new Rejection(row.line(), "answers", row.raw(ANSWERS),
								p.messageKey(), p.arguments().toArray())));
					return null;
				}
				if (!problems.isEmpty()) {
					return null;
				}
				String stored = new TreeMap<>(answers).entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining(";"));
				String flagged = result.domains()
					.entrySet()
					.stream()
					.filter(Map.Entry::getValue)
					.map(Map.Entry::getKey)
					.collect(Collectors.joining(","));
				return Statements.withStamp(context, learner.id(), row.date(ASSESSED), row.text(GROUP), stored, flagged,
						result.functionalDifficulty());
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
						SELECT l.id AS learner_id, l.iin, f.assessed_on, f.age_group, f.answers
						FROM functioning f JOIN learner l ON l.id = f.learner_id
						WHERE l.iin IS NOT NULL AND""" + " " + rows.health()
					.sql("l") + " AND " + actor.scope().sql("l.path") + " ORDER BY l.iin, f.assessed_on",
				actor.scope(), rows.health(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), ExportQueries.date(rs, "assessed_on"),
								rs.getString("age_group"), rs.getString("answers").replace(';', '|') }));
	}

}
