package org.barshaga.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.flywaydb.core.Flyway;

/**
 * Small H2 file databases of the tests' own, beside the shared test database: migrated
 * like the application's, with a few audit events whose detail names the test.
 */
final class SmallDatabases {

	private SmallDatabases() {
	}

	static Database empty(Path dir, String name) {
		return Database.of("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
	}

	/** A migrated database with the seed registry and the given audit events. */
	static Database migrated(Path dir, String name, String... details) throws SQLException {
		Database database = empty(dir, name);
		migrate(database, "classpath:db/migration/common", "classpath:db/migration/h2");
		addEvents(database, details);
		return database;
	}

	static void migrate(Database database, String... locations) {
		Flyway.configure().dataSource(database.dataSource()).locations(locations).load().migrate();
	}

	static void addEvents(Database database, String... details) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO audit_event (occurred_at, actor, action, record_type, record_id, record_path, detail)"
								+ " VALUES (?, 'backup.tests', 'EXPORT', 'database', ?, '/KZ/', ?)")) {
			int n = 0;
			for (String detail : List.of(details)) {
				insert.setObject(1, OffsetDateTime.of(2026, 3, 1, 10, 0, n, 123_000_000, ZoneOffset.ofHours(5)));
				insert.setString(2, n++ % 2 == 0 ? null : "record-" + n);
				insert.setString(3, detail);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

}
