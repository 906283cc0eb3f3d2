package org.barshaga.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes a backup of a database (the dump and its manifest) and restores one into an empty
 * database, then verifies it table by table against the manifest.
 */
final class Backups {

	private final Clock clock;

	private final PgClient postgres;

	Backups(Clock clock, PgClient postgres) {
		this.clock = clock;
		this.postgres = postgres;
	}

	/**
	 * Writes the dump to {@code file} and the manifest beside it. The manifest's counts
	 * and checksums are of the very data in the dump: on H2 both are read on one
	 * connection of the process that holds the database; on PostgreSQL {@code pg_dump}
	 * reads the snapshot of the transaction that computes them.
	 */
	Manifest backup(Database database, Path file) {
		Path target = file.toAbsolutePath();
		if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
			throw new BackupFailure("The directory " + target.getParent() + " does not exist");
		}
		if (Files.exists(target) || Files.exists(Manifest.beside(target))) {
			throw new BackupFailure(target + " or its manifest already exists: a backup never overwrites one");
		}
		try (Connection connection = database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			if (database.vendor() == Database.Vendor.POSTGRESQL) {
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			}
			String schemaVersion = Checksums.schemaVersion(connection);
			if (schemaVersion == null) {
				throw new BackupFailure("The database has no Flyway history: there is nothing of Barshaga to back up");
			}
			Manifest manifest;
			if (database.vendor() == Database.Vendor.POSTGRESQL) {
				String snapshot = single(connection, "SELECT pg_export_snapshot()");
				String schema = single(connection, "SELECT current_schema()");
				manifest = manifest(database, connection, schemaVersion, target);
				postgres.dump(database, snapshot, schema, target);
			}
			else {
				manifest = manifest(database, connection, schemaVersion, target);
				try (Statement statement = connection.createStatement()) {
					statement.execute("SCRIPT TO " + literal(target.toString()) + " COMPRESSION ZIP");
				}
			}
			connection.commit();
			manifest.write(Manifest.beside(target));
			return manifest;
		}
		catch (SQLException ex) {
			throw new BackupFailure("The backup failed: " + ex.getMessage(), ex);
		}
	}

	private Manifest manifest(Database database, Connection connection, String schemaVersion, Path target)
			throws SQLException {
		return new Manifest(Manifest.FORMAT, database.vendor().name(), schemaVersion, Instant.now(clock).toString(),
				target.getFileName().toString(), Checksums.of(connection));
	}

	/**
	 * Loads the dump into the database, which must hold no table at all, and compares
	 * every table with the manifest.
	 */
	Verification restore(Database database, Path file) {
		Path source = file.toAbsolutePath();
		if (!Files.isRegularFile(source)) {
			throw new BackupFailure("There is no backup file " + source);
		}
		Manifest manifest = Manifest.read(Manifest.beside(source));
		try (Connection connection = database.dataSource().getConnection()) {
			List<String> tables = Checksums.anyTables(connection);
			if (!tables.isEmpty()) {
				throw new NotEmpty(tables);
			}
			if (!manifest.vendor().equals(database.vendor().name())) {
				throw new BackupFailure(
						"The backup is of a " + manifest.vendor() + " database and cannot be restored into "
								+ database.vendor() + ": move data between the two with export and import");
			}
			if (database.vendor() == Database.Vendor.H2) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("RUNSCRIPT FROM " + literal(source.toString()) + " COMPRESSION ZIP");
				}
			}
		}
		catch (SQLException ex) {
			throw new BackupFailure("The restore failed: " + ex.getMessage(), ex);
		}
		if (database.vendor() == Database.Vendor.POSTGRESQL) {
			postgres.restore(database, source);
		}
		return verify(database, manifest);
	}

	/** Compares the database with the manifest, table by table. */
	static Verification verify(Database database, Manifest manifest) {
		try (Connection connection = database.dataSource().getConnection()) {
			String schemaVersion = Checksums.schemaVersion(connection);
			Map<String, Manifest.Table> found = Checksums.of(connection)
				.stream()
				.collect(Collectors.toMap(Manifest.Table::name, Function.identity()));
			List<Verification.Check> checks = new ArrayList<>();
			for (Manifest.Table expected : manifest.tables()) {
				checks.add(new Verification.Check(expected.name(), expected, found.remove(expected.name())));
			}
			found.values().forEach(extra -> checks.add(new Verification.Check(extra.name(), null, extra)));
			return new Verification(manifest.schemaVersion(), schemaVersion, checks);
		}
		catch (SQLException ex) {
			throw new BackupFailure("The restored database cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** The outcome of a restore: the schema version and every table, compared. */
	record Verification(String expectedVersion, String foundVersion, List<Check> checks) {

		record Check(String table, Manifest.Table expected, Manifest.Table found) {

			boolean matches() {
				return expected != null && found != null && expected.rows() == found.rows()
						&& expected.checksum().equals(found.checksum());
			}

			String describe() {
				if (expected == null) {
					return table + ": not in the backup, found with " + found.rows() + " rows";
				}
				if (found == null) {
					return table + ": missing (the backup has " + expected.rows() + " rows)";
				}
				if (expected.rows() != found.rows()) {
					return table + ": " + found.rows() + " rows, the backup has " + expected.rows();
				}
				return table + ": " + found.rows() + " rows, " + (matches() ? "checksum matches"
						: "checksum differs (" + found.checksum() + ", the backup has " + expected.checksum() + ")");
			}

		}

		boolean verified() {
			return Objects.equals(expectedVersion, foundVersion) && checks.stream().allMatch(Check::matches);
		}

		List<String> mismatched() {
			return checks.stream().filter(check -> !check.matches()).map(Check::table).toList();
		}

	}

	/** A restore refused because the database already holds tables. */
	static final class NotEmpty extends BackupFailure {

		private final List<String> tables;

		NotEmpty(List<String> tables) {
			super("The database is not empty (" + tables.size() + " tables and views, among them "
					+ String.join(", ", tables.subList(0, Math.min(3, tables.size())))
					+ "): a backup is restored only into a database with no tables, so that nothing is"
					+ " overwritten. Create an empty database (or point BARSHAGA_DB_URL at a new H2 file) and run"
					+ " restore again.");
			this.tables = List.copyOf(tables);
		}

		List<String> tables() {
			return tables;
		}

	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
