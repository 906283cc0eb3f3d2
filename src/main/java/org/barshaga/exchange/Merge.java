package org.barshaga.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the standard SQL {@code MERGE} (PostgreSQL 15+ and H2) that writes one row by
 * its natural key: inserted when new, updated only when a value differs, so that
 * importing the same file again changes nothing. Every key and value is one parameter, in
 * the order declared, followed by the time and the user of the import.
 */
final class Merge {

	private final String table;

	private final List<String[]> keys = new ArrayList<>();

	private final List<String[]> values = new ArrayList<>();

	private final List<String[]> kept = new ArrayList<>();

	private final List<String[]> onInsert = new ArrayList<>();

	private final List<String[]> onUpdate = new ArrayList<>();

	private Merge(String table) {
		this.table = table;
	}

	static Merge into(String table) {
		return new Merge(table);
	}

	Merge key(String column, String type) {
		keys.add(new String[] { column, type });
		return this;
	}

	Merge value(String column, String type) {
		values.add(new String[] { column, type });
		return this;
	}

	/**
	 * A value that a null parameter leaves as stored, and sets to {@code whenNew} (an SQL
	 * expression) in a new row: a field the importer may not see is never overwritten.
	 */
	Merge kept(String column, String type, String whenNew) {
		values.add(new String[] { column, type });
		kept.add(new String[] { column, whenNew });
		return this;
	}

	/**
	 * A column set only on insert, to an expression over the source ({@code s.stamp}).
	 */
	Merge onInsert(String column, String expression) {
		onInsert.add(new String[] { column, expression });
		return this;
	}

	/** A column set on every update, to an expression ({@code t.version + 1}). */
	Merge onUpdate(String column, String expression) {
		onUpdate.add(new String[] { column, expression });
		return this;
	}

	/** Who made the row and when, set once: {@code created_at}, {@code created_by}. */
	Merge created() {
		return onInsert("created_at", "s.stamp").onInsert("created_by", "s.actor");
	}

	/** Who changed the row last and when: {@code updated_at}, {@code updated_by}. */
	Merge updated() {
		return onInsert("updated_at", "s.stamp").onInsert("updated_by", "s.actor")
			.onUpdate("updated_at", "s.stamp")
			.onUpdate("updated_by", "s.actor");
	}

	/**
	 * The optimistic-locking {@code version} the pages check: 0, then one more per
	 * change.
	 */
	Merge versioned() {
		return onInsert("version", "0").onUpdate("version", "t.version + 1");
	}

	/** A record entered once: {@code recorded_at}, {@code recorded_by}. */
	Merge recorded() {
		return onInsert("recorded_at", "s.stamp").onInsert("recorded_by", "s.actor");
	}

	String sql() {
		List<String[]> all = new ArrayList<>(keys);
		all.addAll(values);
		boolean stamped = !onInsert.isEmpty() || !onUpdate.isEmpty();
		String source = all.stream()
			.map(c -> "CAST(? AS " + c[1] + ") AS " + c[0])
			.collect(Collectors.joining(", ", "SELECT ",
					stamped ? ", CAST(? AS TIMESTAMP WITH TIME ZONE) AS stamp, CAST(? AS VARCHAR(60)) AS actor" : ""));
		String on = keys.stream().map(c -> "t." + c[0] + " = s." + c[0]).collect(Collectors.joining(" AND "));
		String differs = values.stream()
			.map(c -> whenNew(c[0]) == null ? "t." + c[0] + " IS DISTINCT FROM s." + c[0]
					: "(s." + c[0] + " IS NOT NULL AND t." + c[0] + " IS DISTINCT FROM s." + c[0] + ")")
			.collect(Collectors.joining(" OR "));
		List<String> sets = new ArrayList<>(values.stream()
			.map(c -> whenNew(c[0]) == null ? c[0] + " = s." + c[0]
					: c[0] + " = COALESCE(s." + c[0] + ", t." + c[0] + ")")
			.toList());
		onUpdate.forEach(c -> sets.add(c[0] + " = " + c[1]));
		List<String> columns = new ArrayList<>(all.stream().map(c -> c[0]).toList());
		List<String> inserted = new ArrayList<>(all.stream()
			.map(c -> whenNew(c[0]) == null ? "s." + c[0] : "COALESCE(s." + c[0] + ", " + whenNew(c[0]) + ")")
			.toList());
		onInsert.forEach(c -> {
			columns.add(c[0]);
			inserted.add(c[1]);
		});
		StringBuilder sql = new StringBuilder("MERGE INTO ").append(table)
			.append(" t USING (")
			.append(source)
			.append(") s ON (")
			.append(on)
			.append(") ");
		if (!values.isEmpty()) {
			sql.append("WHEN MATCHED AND (")
				.append(differs)
				.append(") THEN UPDATE SET ")
				.append(String.join(", ", sets));
		}
		sql.append(" WHEN NOT MATCHED THEN INSERT (")
			.append(String.join(", ", columns))
			.append(") VALUES (")
			.append(String.join(", ", inserted))
			.append(")");
		return sql.toString();
	}

	/**
	 * PostgreSQL's bulk form of the same merge, from a table of the same columns: new
	 * rows inserted, stored ones updated only when a value differs. Only for plain keys
	 * and values: a merge that stamps, keeps or versions its rows goes row by row.
	 */
	String upsertFrom(String source) {
		if (!kept.isEmpty() || !onInsert.isEmpty() || !onUpdate.isEmpty()) {
			throw new IllegalStateException("Only a merge of plain keys and values is copied: " + table);
		}
		List<String> valueNames = values.stream().map(c -> c[0]).toList();
		StringBuilder upsert = new StringBuilder("INSERT INTO ").append(table)
			.append(" (")
			.append(columns())
			.append(") SELECT ")
			.append(columns())
			.append(" FROM ")
			.append(source)
			.append(" ON CONFLICT (")
			.append(keys.stream().map(c -> c[0]).collect(Collectors.joining(", ")))
			.append(") DO ");
		if (valueNames.isEmpty()) {
			return upsert.append("NOTHING").toString();
		}
		return upsert.append("UPDATE SET ")
			.append(valueNames.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")))
			.append(" WHERE (")
			.append(valueNames.stream().map(c -> table + "." + c).collect(Collectors.joining(", ")))
			.append(") IS DISTINCT FROM (")
			.append(valueNames.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", ")))
			.append(")")
			.toString();
	}

	String table() {
		return table;
	}

	/** The keys and values, in the order of a row's parameters. */
	String columns() {
		List<String> all = new ArrayList<>(keys.stream().map(c -> c[0]).toList());
		values.forEach(c -> all.add(c[0]));
		return String.join(", ", all);
	}

	private String whenNew(String column) {
		return kept.stream().filter(k -> k[0].equals(column)).map(k -> k[1]).findFirst().orElse(null);
	}

}
