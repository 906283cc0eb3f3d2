package org.barshaga.backup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Counts and checksums of every table of the application's schema, the same on H2 and
 * PostgreSQL for the same data. A row is its values in column order, each normalised to
 * text that does not depend on the vendor (numbers without trailing zeros, instants in
 * UTC, bytes in hex, NULL apart from any text). A table's checksum is the sum, modulo
 * 2^256, of the SHA-256 of each row: it does not depend on the order in which the
 * database returns rows, or on the collation of the text keys, so no sort is needed and a
 * table of millions of rows is read as a stream; a changed, missing or added row changes
 * it.
 */
final class Checksums {

	static final String FLYWAY_HISTORY = "flyway_schema_history";

	private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

	private Checksums() {
	}

	/** The tables of the connection's current schema, by name, Flyway's history apart. */
	static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
						+ " WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')"
						+ " ORDER BY table_name")) {
			while (rows.next()) {
				String name = rows.getString(1);
				if (!name.equalsIgnoreCase(FLYWAY_HISTORY)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	/**
	 * Every table, Flyway's history included: what makes a database not empty.
	 */
	static List<String> anyTables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
						+ " WHERE table_schema = CURRENT_SCHEMA ORDER BY table_name")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	/** The version of the last successful migration, or null without Flyway's history. */
	static String schemaVersion(Connection connection) throws SQLException {
		if (!anyTables(connection).contains(FLYWAY_HISTORY)) {
			return null;
		}
		String version = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version FROM " + quote(FLYWAY_HISTORY)
						+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
			while (rows.next()) {
				version = rows.getString(1);
			}
		}
		return version;
	}

	static List<Manifest.Table> of(Connection connection) throws SQLException {
		List<Manifest.Table> sums = new ArrayList<>();
		for (String table : tables(connection)) {
			sums.add(of(connection, table));
		}
		return sums;
	}

	static Manifest.Table of(Connection connection, String table) throws SQLException {
		MessageDigest sha = sha256();
		BigInteger sum = BigInteger.ZERO;
		long count = 0;
		try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + quote(table))) {
			statement.setFetchSize(5_000);
			try (ResultSet rows = statement.executeQuery()) {
				ResultSetMetaData columns = rows.getMetaData();
				StringBuilder row = new StringBuilder(256);
				while (rows.next()) {
					row.setLength(0);
					for (int column = 1; column <= columns.getColumnCount(); column++) {
						String value = text(rows, columns, column);
						if (value == null) {
							row.append("-;");
						}
						else {
							row.append(value.length()).append(':').append(value).append(';');
						}
					}
					sum = sum.add(new BigInteger(1, sha.digest(row.toString().getBytes(StandardCharsets.UTF_8))));
					count++;
				}
			}
		}
		String hex = sum.mod(MODULUS).toString(16);
		return new Manifest.Table(table, count, "0".repeat(64 - hex.length()) + hex);
	}

	/** A value as vendor-neutral text, or null for SQL NULL. */
	private static String text(ResultSet rows, ResultSetMetaData columns, int column) throws SQLException {
		int type = columns.getColumnType(column);
		String typeName = columns.getColumnTypeName(column).toLowerCase(Locale.ROOT);
		String text = switch (type) {
			case Types.BOOLEAN, Types.BIT -> {
				boolean value = rows.getBoolean(column);
				yield rows.wasNull() ? null : String.valueOf(value);
			}
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
				long value = rows.getLong(column);
				yield rows.wasNull() ? null : String.valueOf(value);
			}
			case Types.NUMERIC, Types.DECIMAL -> {
				BigDecimal value = rows.getBigDecimal(column);
				yield value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
			}
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
				double value = rows.getDouble(column);
				yield rows.wasNull() ? null : String.valueOf(value);
			}
			case Types.DATE -> string(rows.getObject(column, LocalDate.class));
			case Types.TIME -> string(rows.getObject(column, LocalTime.class));
			case Types.TIMESTAMP_WITH_TIMEZONE -> instant(rows.getObject(column, OffsetDateTime.class));
			// PostgreSQL's driver reports timestamptz as TIMESTAMP
			case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("time zone")
					? instant(rows.getObject(column, OffsetDateTime.class))
					: string(rows.getObject(column, LocalDateTime.class));
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				byte[] bytes = rows.getBytes(column);
				yield bytes == null ? null : HexFormat.of().formatHex(bytes);
			}
			default -> rows.getString(column);
		};
		return text;
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

	private static String instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant().toString();
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
