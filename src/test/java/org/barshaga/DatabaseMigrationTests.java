package org.barshaga;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.barshaga.support.BarshagaTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations build the schema and the seed registry from nothing, on H2 and on
 * PostgreSQL (when BARSHAGA_DB_URL names a server, as in CI), and the seeded units are
 * exactly the ones of the seed file.
 */
@Tag(BarshagaTest.DATABASE)
class DatabaseMigrationTests {

	@Test
	void migratesAnEmptyH2Database() throws Exception {
		String url = "jdbc:h2:mem:migration-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		MigrateResult result = Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isEqualTo(39);
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertSeedMatchesFile(connection);
		}
	}

	@Test
	void migratesAnEmptyPostgresqlSchema() throws Exception {
		String url = System.getenv("BARSHAGA_DB_URL");
		Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
				"BARSHAGA_DB_URL names no PostgreSQL server");
		String user = System.getenv("BARSHAGA_DB_USER");
		String password = System.getenv().getOrDefault("BARSHAGA_DB_PASSWORD", "");
		String schema = "migration_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try {
			MigrateResult result = Flyway.configure()
				.dataSource(url, user, password)
				.schemas(schema)
				.createSchemas(true)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
			assertThat(result.migrationsExecuted).isEqualTo(39);
			try (Connection connection = DriverManager.getConnection(url, user, password)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET search_path TO " + schema);
				}
				assertSeedMatchesFile(connection);
			}
		}
		finally {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	private static void assertSeedMatchesFile(Connection connection) throws Exception {
		Map<String, List<String>> stored = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT code, parent_code, kind, name_en, name_ru, name_kk, path, valid_from, valid_to FROM org_unit")) {
			while (rows.next()) {
				stored.put(rows.getString("code"),
						List.of(rows.getString("code"), String.valueOf(rows.getString("parent_code")),
								rows.getString("kind"), rows.getString("name_en"), rows.getString("name_ru"),
								rows.getString("name_kk")));
				assertThat(rows.getString("path")).endsWith("/" + rows.getString("code") + "/").startsWith("/KZ/");
				assertThat(rows.getDate("valid_from")).isNotNull();
				assertThat(rows.getDate("valid_to")).isNull();
			}
		}
		Map<String, List<String>> file = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(DatabaseMigrationTests.class.getResourceAsStream("/db/seed/kz-admin-units.csv"),
						StandardCharsets.UTF_8))) {
			reader.lines()
				.skip(1)
				.map(line -> line.split(",", -1))
				.forEach(cells -> file.put(cells[0], List.of(cells[0], cells[1].isEmpty() ? "null" : cells[1], cells[2],
						cells[3], cells[4], cells[5])));
		}
		assertThat(file).hasSize(244);
		assertThat(stored).isEqualTo(file);
	}

}
