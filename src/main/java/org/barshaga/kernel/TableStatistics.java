package org.barshaga.kernel;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings the planner's statistics of tables up to date after a bulk write, as
 * PostgreSQL's documentation advises after any bulk load. Until autovacuum has analysed
 * the new rows (a minute or more later), the planner takes a table for the size it last
 * saw: a join over thousands of fresh rows planned for a few becomes a nested loop over
 * every pair (seconds to minutes where milliseconds were due; docs/DECISIONS.md). H2
 * plans by its indexes and needs nothing. Where the application's account does not own a
 * table, PostgreSQL skips it with a warning and autovacuum does it later.
 */
public final class TableStatistics {

	private final JdbcTemplate template;

	private final boolean postgres;

	public TableStatistics(JdbcTemplate template) {
		this.template = template;
		this.postgres = Boolean.TRUE.equals(template.execute(
				(Connection connection) -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
	}

	/**
	 * @param tables names of the application's own tables, never user input
	 */
	public void refresh(String... tables) {
		if (postgres) {
			for (String table : tables) {
				if (!table.matches("[a-z_]+")) {
					throw new IllegalArgumentException("not a table name: " + table);
				}
				template.execute("ANALYZE " + table);
			}
		}
	}

}
