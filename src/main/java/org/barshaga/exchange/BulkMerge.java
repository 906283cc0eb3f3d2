package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * One import's writes of a register of millions of rows on PostgreSQL. A term's first
 * load finds none of its rows stored, so its batches go by {@code COPY} straight into the
 * table, nearly as fast as PostgreSQL loads a file; the first batch that meets a stored
 * row (a file loaded again, corrected) is undone to its savepoint, and from then on this
 * import merges through a temporary table ({@link Merge#copy}), inserting new rows and
 * updating only those that differ.
 */
final class BulkMerge {

	private static final String UNIQUE_VIOLATION = "23505";

	private final Merge merge;

	private boolean nothingStored = true;

	BulkMerge(Merge merge) {
		this.merge = merge;
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
		merge.copy(connection, rows);
	}

}
