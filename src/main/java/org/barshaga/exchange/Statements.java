package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/** JDBC batches on the import's connection. */
final class Statements {

	private Statements() {
	}

	static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (Object[] row : rows) {
				bind(statement, row);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	static void bind(PreparedStatement statement, Object[] row) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			Object value = row[i];
			if (value == null) {
				statement.setNull(i + 1, Types.VARCHAR);
			}
			else if (value instanceof LocalDate date) {
				statement.setDate(i + 1, Date.valueOf(date));
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

	/**
	 * The parameters of a {@link Merge}: the row's values, then the time and the user.
	 */
	static Object[] withStamp(ImportContext context, Object... values) {
		Object[] row = new Object[values.length + 2];
		System.arraycopy(values, 0, row, 0, values.length);
		row[values.length] = context.stamp();
		row[values.length + 1] = context.by();
		return row;
	}

	@SuppressWarnings("unchecked")
	static List<Object[]> arrays(List<Object> rows) {
		return (List<Object[]>) (List<?>) rows;
	}

}
