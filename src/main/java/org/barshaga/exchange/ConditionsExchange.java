package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.barshaga.conditions.ConditionItem;
import org.barshaga.conditions.ItemStatus;
import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Component;

/**
 * The conditions survey, one row per school and school year with a column per item. An
 * empty item cell means "not surveyed" and removes an earlier answer; notes written in
 * the pages stay with the answers the file keeps.
 */
@Component
class ConditionsExchange implements RegisterHandler {

	static final Layout LAYOUT = surveyLayout();

	private static final int SCHOOL = 0, YEAR = 1, REPORTED = 2, REPORTED_ON = 3, FIRST_ITEM = 4;

	private static final ConditionItem[] ITEMS = ConditionItem.values();

	private static final Set<String> SCHOOLS = Set.of("GENERAL_SCHOOL", "SPECIAL_SCHOOL");

	private static final String MERGE = Merge.into("condition_survey")
		.key("organisation_id", "BIGINT")
		.key("school_year", "INT")
		.value("path", "VARCHAR(450)")
		.value("reported_created", "BOOLEAN")
		.value("reported_on", "DATE")
		.updated()
		.versioned()
		.sql();

	private static final String SURVEY = "(SELECT id FROM condition_survey WHERE organisation_id = ? AND school_year = ?)";

	private static final String MERGE_ITEM = "MERGE INTO condition_item t USING (SELECT " + SURVEY
			+ " AS survey_id, CAST(? AS VARCHAR(40)) AS item, CAST(? AS VARCHAR(20)) AS status) s"
			+ " ON (t.survey_id = s.survey_id AND t.item = s.item)"
			+ " WHEN MATCHED AND t.status <> s.status THEN UPDATE SET status = s.status"
			+ " WHEN NOT MATCHED THEN INSERT (survey_id, item, status) VALUES (s.survey_id, s.item, s.status)";

	private static final String CLEAR_ITEM = "DELETE FROM condition_item WHERE survey_id IN " + SURVEY
			+ " AND item = ?";

	private final ExportQueries exports;

	ConditionsExchange(ExportQueries exports) {
		this.exports = exports;
	}

	private static Layout surveyLayout() {
		List<Column> columns = new ArrayList<>(List.of(Column.placeCode("school_code", true),
				Column.year("school_year"), Column.bool("reported_created", false), Column.date("reported_on", false)));
		for (ConditionItem item : ConditionItem.values()) {
			columns.add(Column.code(item.name().toLowerCase(Locale.ROOT), false, ItemStatus.class));
		}
		return new Layout(Register.CONDITIONS, List.copyOf(columns), List.of("school_code", "school_year"));
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	private record Row(Object[] survey, long organisation, int year, String[] statuses) {
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				References.Organisation school = Checks.organisation(references, row, SCHOOL, "school_code", problems);
				if (school != null && !SCHOOLS.contains(school.type())) {
					problems
						.add(new Rejection(row.line(), "school_code", row.raw(SCHOOL), "exchange.reason.notSchool"));
				}
				Checks.notInFuture(row, REPORTED_ON, "reported_on", today, problems);
				if (!problems.isEmpty()) {
					return null;
				}
				String[] statuses = new String[ITEMS.length];
				for (int i = 0; i < ITEMS.length; i++) {
					statuses[i] = row.text(FIRST_ITEM + i);
				}
				return new Row(Statements.withStamp(context, school.id(), row.integer(YEAR), school.path(),
						row.bool(REPORTED), row.date(REPORTED_ON)), school.id(), row.integer(YEAR), statuses);
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				List<Object[]> surveys = new ArrayList<>();
				List<Object[]> items = new ArrayList<>();
				List<Object[]> cleared = new ArrayList<>();
				for (Object value : rows) {
					Row row = (Row) value;
					surveys.add(row.survey());
					for (int i = 0; i < ITEMS.length; i++) {
						if (row.statuses()[i] == null) {
							cleared.add(new Object[] { row.organisation(), row.year(), ITEMS[i].name() });
						}
						else {
							items.add(new Object[] { row.organisation(), row.year(), ITEMS[i].name(),
									row.statuses()[i] });
						}
					}
				}
				Statements.batch(connection, MERGE, surveys);
				Statements.batch(connection, MERGE_ITEM, items);
				Statements.batch(connection, CLEAR_ITEM, cleared);
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		Map<Long, String[]> answers = new HashMap<>();
		exports.stream("""
				SELECT i.survey_id, i.item, i.status FROM condition_item i JOIN condition_survey s ON s.id = i.survey_id
				WHERE""" + " " + actor.scope().sql("s.path"), actor.scope(), rs -> {
			String[] statuses = answers.computeIfAbsent(rs.getLong(1), id -> new String[ITEMS.length]);
			statuses[ConditionItem.valueOf(rs.getString(2)).ordinal()] = rs.getString(3);
		});
		exports.stream("""
				SELECT s.id, o.code, s.school_year, s.reported_created, s.reported_on
				FROM condition_survey s JOIN organisation o ON o.id = s.organisation_id
				WHERE""" + " " + actor.scope().sql("s.path") + " ORDER BY o.code, s.school_year", actor.scope(), rs -> {
			String[] statuses = answers.getOrDefault(rs.getLong("id"), new String[ITEMS.length]);
			String[] row = new String[FIRST_ITEM + ITEMS.length];
			row[0] = rs.getString("code");
			row[1] = rs.getString("school_year");
			row[2] = ExportQueries.bool(rs, "reported_created");
			row[3] = ExportQueries.date(rs, "reported_on");
			for (int i = 0; i < ITEMS.length; i++) {
				row[FIRST_ITEM + i] = statuses[i] == null ? "" : statuses[i];
			}
			rows.accept(row);
		});
	}

}
