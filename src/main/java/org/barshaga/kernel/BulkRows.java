package org.barshaga.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes generated rows in JDBC batches with ids chosen here, for data generators that
 * write hundreds of thousands of rows. Statements are flushed in the order they were
 * first used, so parents written first are in the database before their children;
 * {@link #close()} moves each identity column past the ids used, so later inserts do not
 * collide.
 */
public final class BulkRows implements AutoCloseable {

	private final JdbcTemplate jdbc;

	private final int batchSize;

	private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

	private final Map<String, Long> nextIds = new LinkedHashMap<>();

	private int pending;

	public BulkRows(JdbcTemplate jdbc, int batchSize) {
		this.jdbc = jdbc;
		this.batchSize = batchSize;
	}

	/** The next free id of a table with an {@code id} identity column. */
	public long id(String table) {
		long next = nextIds.computeIfAbsent(table,
				t -> jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM " + t, Long.class));
		nextIds.put(table, next + 1);
		return next;
	}

	public void add(String sql, Object... row) {
		rows.computeIfAbsent(sql, k -> new ArrayList<>()).add(row);
		if (++pending >= batchSize) {
			flush();
		}
	}

	public void flush() {
		rows.forEach((sql, batch) -> {
			if (!batch.isEmpty()) {
				jdbc.batchUpdate(sql, batch);
				batch.clear();
			}
		});
		pending = 0;
	}

	@Override
	public void close() {
		flush();
		nextIds
			.forEach((table, next) -> jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next));
	}

}
