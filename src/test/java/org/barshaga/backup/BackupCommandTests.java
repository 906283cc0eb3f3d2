package org.barshaga.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code backup} and {@code restore} commands on the application's own database: a
 * backup is written, verified and audited; a restore over it is refused, audited, and
 * loads nothing.
 */
@BarshagaTest
class BackupCommandTests {

	@Autowired
	List<CommandLineJob> jobs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	record Outcome(int exitCode, String text) {
	}

	Outcome run(String command, String... arguments) {
		CommandLineJob job = jobs.stream().filter(j -> j.name().equals(command)).findFirst().orElseThrow();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exitCode = job.run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Outcome(exitCode, bytes.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aRestoreOverTheApplicationsDatabaseIsRefusedAuditedAndLoadsNothing() throws Exception {
		String probe = "restore probe " + UUID.randomUUID();
		Path dump = dir.resolve("probe-" + UUID.randomUUID() + ".zip");
		new Backups(Clock.systemUTC(), new PgClient(null)).backup(SmallDatabases.migrated(dir, "source", probe), dump);
		long tables = tableCount();

		Outcome outcome = run("restore", "--from", dump.toString());

		assertThat(outcome.exitCode()).isEqualTo(RestoreJob.REFUSED);
		assertThat(outcome.text()).startsWith("Restore refused: The database is not empty");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail = ?").param(probe).query(Long.class).single())
			.as("the backup's rows")
			.isZero();
		assertThat(tableCount()).isEqualTo(tables);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = ? AND action = 'IMPORT' AND record_id = ?")
			.param(Operator.SYSTEM.username())
			.param(dump.getFileName().toString())
			.query(String.class)
			.list()).containsExactly("restore refused: the database is not empty");
	}

	@Test
	void theApplicationsDatabaseIsBackedUpWithAManifestAndTheBackupIsAudited() throws Exception {
		Path dump = dir.resolve("barshaga-" + UUID.randomUUID() + ".backup");

		Outcome outcome = run("backup", "--out", dump.toString());

		assertThat(outcome.exitCode()).as(outcome.text()).isZero();
		assertThat(dump).isNotEmptyFile();
		Manifest manifest = Manifest.read(Manifest.beside(dump));
		long units = jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single();
		assertThat(manifest.tables()).filteredOn(table -> table.name().equals("org_unit"))
			.extracting(Manifest.Table::rows)
			.containsExactly(units);
		assertThat(outcome.text()).contains("org_unit").contains(manifest.schemaVersion());
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = ? AND action = 'EXPORT' AND record_id = ?")
			.param(Operator.SYSTEM.username())
			.param(dump.getFileName().toString())
			.query(String.class)
			.list()).singleElement().asString().contains("backup of schema version " + manifest.schemaVersion());
	}

	@Test
	void eachCommandNeedsItsFileAndNamesWhatIsWrong() {
		assertThat(run("backup").exitCode()).isEqualTo(2);
		assertThat(run("restore", "--out", "x").exitCode()).isEqualTo(2);
		Path missing = dir.resolve("missing.zip");
		Outcome outcome = run("restore", "--from", missing.toString());
		assertThat(outcome.exitCode()).isEqualTo(RestoreJob.REFUSED);
		assertThat(outcome.text()).contains("There is no backup file " + missing.toAbsolutePath());
		Outcome nowhere = run("backup", "--out", dir.resolve("no/such/dir/b.zip").toString());
		assertThat(nowhere.exitCode()).isEqualTo(1);
		assertThat(nowhere.text()).contains("does not exist");
	}

	private long tableCount() {
		return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA")
			.query(Long.class)
			.single();
	}

}
