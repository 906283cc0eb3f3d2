package org.barshaga.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL (when BARSHAGA_DB_URL names a server, as in CI): {@code pg_dump} and
 * {@code pg_restore} take a schema of the test's own through a backup and a restore, with
 * every table verified, and refuse to restore over it once it exists. Skipped without a
 * server or without the client programs.
 */
@Tag(BarshagaTest.DATABASE)
class PostgresBackupTests {

	@TempDir
	Path dir;

	@Test
	void pgDumpAndPgRestoreTakeASchemaThroughABackupVerifiedTableByTable() throws Exception {
		String url = System.getenv("BARSHAGA_DB_URL");
		Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
				"BARSHAGA_DB_URL names no PostgreSQL server");
		Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore are not on the PATH");
		String user = System.getenv("BARSHAGA_DB_USER");
		String password = System.getenv().getOrDefault("BARSHAGA_DB_PASSWORD", "");
		String schema = "backup_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Database database = Database.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
				password);
		Backups backups = new Backups(Clock.systemUTC(), new PgClient(null));
		try {
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + schema);
			}
			SmallDatabases.migrate(database, "classpath:db/migration/common", "classpath:db/migration/postgresql");
			SmallDatabases.addEvents(database, "on PostgreSQL", "с кириллицей", "with 'quotes'");
			List<Manifest.Table> before;
			try (Connection connection = database.dataSource().getConnection()) {
				before = Checksums.of(connection);
			}
			Path dump = dir.resolve("barshaga.dump");

			Manifest manifest = backups.backup(database, dump);

			assertThat(manifest.vendor()).isEqualTo("POSTGRESQL");
			assertThat(manifest.tables()).isEqualTo(before);
			dropSchema(database, schema);
			Backups.Verification verification = backups.restore(database, dump);
			assertThat(verification.verified()).as(verification.checks().toString()).isTrue();
			assertThat(verification.checks()).hasSameSizeAs(before);
			try (Connection connection = database.dataSource().getConnection()) {
				assertThat(Checksums.of(connection)).isEqualTo(before);
			}

			assertThatThrownBy(() -> backups.restore(database, dump)).isInstanceOf(Backups.NotEmpty.class);
		}
		finally {
			dropSchema(database, schema);
		}
	}

	@Test
	void theSameRowsHaveTheSameChecksumsOnH2AndPostgresql() throws Exception {
		String url = System.getenv("BARSHAGA_DB_URL");
		Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
				"BARSHAGA_DB_URL names no PostgreSQL server");
		String schema = "backup_sums_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Database postgres = Database.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				System.getenv("BARSHAGA_DB_USER"), System.getenv().getOrDefault("BARSHAGA_DB_PASSWORD", ""));
		try {
			try (Connection connection = postgres.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + schema);
			}
			SmallDatabases.migrate(postgres, "classpath:db/migration/common", "classpath:db/migration/postgresql");
			SmallDatabases.addEvents(postgres, "one", "два");
			Database h2 = SmallDatabases.migrated(dir, "h2", "one", "два");
			try (Connection p = postgres.dataSource().getConnection(); Connection h = h2.dataSource().getConnection()) {
				assertThat(Checksums.of(p, "org_unit")).isEqualTo(Checksums.of(h, "org_unit"));
				assertThat(Checksums.of(p, "audit_event")).isEqualTo(Checksums.of(h, "audit_event"));
			}
		}
		finally {
			dropSchema(postgres, schema);
		}
	}

	private static void dropSchema(Database database, String schema) throws Exception {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	private static boolean onPath(String program) {
		try {
			return new ProcessBuilder(program, "--version").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
