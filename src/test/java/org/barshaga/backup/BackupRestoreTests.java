package org.barshaga.backup;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of an H2 database restores into an empty one with the same rows in every
 * table, proved by the manifest; a database that is not empty is never written; a dump
 * changed after the backup is caught and the table named. Each test has small file
 * databases of its own, so the shared test database is not touched; they are H2 whatever
 * database the run is configured for, so the class has no database tag and runs once.
 */
class BackupRestoreTests {

	@TempDir
	Path dir;

	final Backups backups = new Backups(Clock.systemUTC(), new PgClient(null));

	@Test
	void aBackupRestoresIntoAnEmptyDatabaseWithEveryTablesRowsAndChecksum() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source", "first event", "second 'quoted' event", "третье");
		Path dump = dir.resolve("barshaga.zip");

		Manifest manifest = backups.backup(source, dump);

		assertThat(dump).isNotEmptyFile();
		assertThat(Manifest.beside(dump)).isNotEmptyFile();
		Manifest written = Manifest.read(Manifest.beside(dump));
		assertThat(written).isEqualTo(manifest);
		assertThat(written.vendor()).isEqualTo("H2");
		assertThat(written.schemaVersion()).isEqualTo(schemaVersion(source));
		assertThat(written.tables()).extracting(Manifest.Table::name)
			.contains("org_unit", "organisation", "learner", "app_user", "audit_event", "enrolment_extract",
					"health_registry_record", "social_benefit_record")
			.doesNotContain(Checksums.FLYWAY_HISTORY);
		assertThat(table(written, "org_unit").rows()).isEqualTo(244);
		assertThat(table(written, "audit_event").rows()).isEqualTo(3);

		Database target = SmallDatabases.empty(dir, "target");
		Backups.Verification verification = backups.restore(target, dump);

		assertThat(verification.verified()).isTrue();
		assertThat(verification.mismatched()).isEmpty();
		assertThat(verification.checks()).hasSameSizeAs(written.tables());
		try (Connection from = source.dataSource().getConnection();
				Connection to = target.dataSource().getConnection()) {
			assertThat(Checksums.of(to)).isEqualTo(Checksums.of(from));
			assertThat(Checksums.schemaVersion(to)).isEqualTo(Checksums.schemaVersion(from));
		}
	}

	@Test
	void theChecksumOfATableChangesWithAnyRowButNotWithTheOrderOfRows() throws Exception {
		Database one = SmallDatabases.migrated(dir, "one", "alpha", "beta");
		Database other = SmallDatabases.migrated(dir, "other", "alpha", "beta");
		Database changed = SmallDatabases.migrated(dir, "changed", "alpha", "betA");
		try (Connection a = one.dataSource().getConnection();
				Connection b = other.dataSource().getConnection();
				Connection c = changed.dataSource().getConnection()) {
			assertThat(Checksums.of(a, "org_unit")).isEqualTo(Checksums.of(b, "org_unit"));
			assertThat(Checksums.of(a, "audit_event")).isEqualTo(Checksums.of(b, "audit_event"));
			assertThat(Checksums.of(c, "audit_event").rows()).isEqualTo(2);
			assertThat(Checksums.of(c, "audit_event").checksum())
				.isNotEqualTo(Checksums.of(a, "audit_event").checksum());
			b.createStatement().execute("UPDATE org_unit SET name_en = name_en || '.' WHERE code = 'KZ-61'");
			assertThat(Checksums.of(b, "org_unit").rows()).isEqualTo(244);
			assertThat(Checksums.of(b, "org_unit").checksum()).isNotEqualTo(Checksums.of(a, "org_unit").checksum());
			b.createStatement().execute("DELETE FROM audit_event WHERE detail = 'beta'");
			assertThat(Checksums.of(b, "audit_event").rows()).isEqualTo(1);
		}
	}

	@Test
	void aRestoreIntoADatabaseThatIsNotEmptyIsRefusedAndChangesNothing() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source", "from the backup");
		Path dump = dir.resolve("barshaga.zip");
		backups.backup(source, dump);
		Database occupied = SmallDatabases.migrated(dir, "occupied", "already here", "and here");
		List<Manifest.Table> before;
		try (Connection connection = occupied.dataSource().getConnection()) {
			before = Checksums.of(connection);
		}

		assertThatThrownBy(() -> backups.restore(occupied, dump)).isInstanceOf(Backups.NotEmpty.class)
			.hasMessageContaining("not empty")
			.satisfies(refused -> assertThat(((Backups.NotEmpty) refused).tables()).contains("audit_event",
					Checksums.FLYWAY_HISTORY));

		try (Connection connection = occupied.dataSource().getConnection()) {
			assertThat(Checksums.of(connection)).isEqualTo(before);
		}
	}

	@Test
	void aDatabaseWithOnlyFlywaysHistoryOrAnyOtherTableIsNotEmpty() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source");
		Path dump = dir.resolve("barshaga.zip");
		backups.backup(source, dump);
		Database stray = SmallDatabases.empty(dir, "stray");
		try (Connection connection = stray.dataSource().getConnection()) {
			connection.createStatement().execute("CREATE TABLE notes (id INT PRIMARY KEY)");
		}
		assertThatThrownBy(() -> backups.restore(stray, dump)).isInstanceOf(Backups.NotEmpty.class)
			.hasMessageContaining("notes");
	}

	@Test
	void aDumpChangedAfterTheBackupFailsVerificationNamingTheTable() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source", "an honest event", "another one");
		Path dump = dir.resolve("barshaga.zip");
		backups.backup(source, dump);
		rewrite(dump, "an honest event", "a forged event!");

		Backups.Verification verification = backups.restore(SmallDatabases.empty(dir, "target"), dump);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.mismatched()).containsExactly("audit_event");
		Backups.Verification.Check check = verification.checks()
			.stream()
			.filter(c -> c.table().equals("audit_event"))
			.findFirst()
			.orElseThrow();
		assertThat(check.describe()).startsWith("audit_event: 2 rows, checksum differs");
	}

	@Test
	void aDumpMissingRowsFailsVerificationByItsCount() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source", "dropped from the dump", "kept");
		Path dump = dir.resolve("barshaga.zip");
		backups.backup(source, dump);
		String script = script(dump);
		String dropped = script.lines()
			.filter(line -> line.contains("dropped from the dump"))
			.findFirst()
			.orElseThrow();
		// H2 writes the rows of a table in one INSERT, one row a line
		assertThat(dropped).startsWith("(").endsWith(",");
		rewrite(dump, dropped + "\n", "");
		Backups.Verification verification = backups.restore(SmallDatabases.empty(dir, "target"), dump);
		assertThat(verification.mismatched()).containsExactly("audit_event");
	}

	@Test
	void aBackupNeverOverwritesAFileAndARestoreNeedsItsManifest() throws Exception {
		Database source = SmallDatabases.migrated(dir, "source");
		Path dump = dir.resolve("barshaga.zip");
		Files.writeString(dump, "precious");
		assertThatThrownBy(() -> backups.backup(source, dump)).isInstanceOf(BackupFailure.class)
			.hasMessageContaining("never overwrites");
		assertThat(dump).hasContent("precious");

		Path other = dir.resolve("other.zip");
		backups.backup(source, other);
		Files.delete(Manifest.beside(other));
		Database target = SmallDatabases.empty(dir, "target");
		assertThatThrownBy(() -> backups.restore(target, other)).isInstanceOf(BackupFailure.class)
			.hasMessageContaining("manifest");
		try (Connection connection = target.dataSource().getConnection()) {
			assertThat(Checksums.anyTables(connection)).isEmpty();
		}
	}

	private static Manifest.Table table(Manifest manifest, String name) {
		return manifest.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	private static String schemaVersion(Database database) throws Exception {
		try (Connection connection = database.dataSource().getConnection()) {
			return Checksums.schemaVersion(connection);
		}
	}

	/** The SQL script inside an H2 dump written with ZIP compression. */
	static String script(Path dump) throws Exception {
		try (InputStream in = Files.newInputStream(dump); ZipInputStream zip = new ZipInputStream(in)) {
			zip.getNextEntry();
			return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Changes the text of a dump as someone (or a failing disk) might after the backup.
	 */
	static void rewrite(Path dump, String from, String to) throws Exception {
		String entry;
		String script;
		try (InputStream in = Files.newInputStream(dump); ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry first = zip.getNextEntry();
			entry = first.getName();
			script = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(script).contains(from);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(script.replace(from, to).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		try (OutputStream out = Files.newOutputStream(dump)) {
			bytes.writeTo(out);
		}
	}

}
