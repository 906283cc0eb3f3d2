package org.barshaga.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} of a batch of resolved rows: the fastest way
 * into a table, used by the registers of millions of rows.
 */
final class CopyIn {

	private CopyIn() {
	}

	static void rows(Connection connection, String table, String columns, List<?> rows) throws SQLException {
		StringBuilder text = new StringBuilder(rows.size() * 48);
		for (Object row : rows) {
			Object[] values = (Object[]) row;
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					text.append(',');
				}
				if (values[i] != null) {
					Csv.appendQuoted(text, values[i].toString());
				}
			}
			text.append('\n');
		}
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)",
						new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new SQLException(ex);
		}
	}

}
