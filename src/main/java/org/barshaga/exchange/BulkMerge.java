package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

/**
 * One import's writes of a register of millions of rows on PostgreSQL. A term's first
 * load finds none of its rows stored, so its batches go by {@code COPY} straight into the
 * table, nearly as fast as PostgreSQL loads a file; the first batch that meets a stored
 * row (a file loaded again, corrected) is undone to its savepoint, and from then on this
 * import copies into a temporary table of the transaction and merges from there in one
 * statement ({@link Merge#upsertFrom}), inserting new rows and updating only those that
 * differ.
 */
final class BulkMerge {

	private static final String UNIQUE_VIOLATION = "23505";

	private final Merge merge;

	private final String stage;

	private final String upsert;

	private boolean nothingStored = true;

	BulkMerge(Merge merge) {
		this.merge = merge;
		this.stage = merge.table() + "_stage";
		this.upsert = merge.upsertFrom(stage);
	}

	void write(Connection connection, List<Object[]> rows) throws SQLException {
		if (nothingStored) {
			Savepoint direct = connection.setSavepoint();
			try {
				CopyIn.rows(connection, merge.table(), merge.columns(), rows);
				connection.releaseSavepoint(direct);
				return;
			}
			catch (SQLException stored) {
				if (!UNIQUE_VIOLATION.equals(stored.getSQLState())) {
					throw stored;
				}
				connection.rollback(direct);
				nothingStored = false;
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + merge.table()
					+ " INCLUDING DEFAULTS) ON COMMIT DROP");
			statement.execute("TRUNCATE " + stage);
		}
		CopyIn.rows(connection, stage, merge.columns(), rows);
		try (Statement statement = connection.createStatement()) {
			statement.execute(upsert);
		}
	}

}
