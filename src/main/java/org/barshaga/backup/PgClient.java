package org.barshaga.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs PostgreSQL's {@code pg_dump} and {@code pg_restore} with the application's
 * connection settings. The password goes to the child process in its {@code PGPASSWORD}
 * environment, never on its command line (which any user of the server can list) and
 * never in a message.
 */
class PgClient {

	private final String directory;

	/**
	 * @param directory where the client programs are, or null to find them on the PATH
	 */
	PgClient(String directory) {
		this.directory = directory == null || directory.isBlank() ? null : directory;
	}

	/** Dumps the snapshot (and, outside {@code public}, only the schema) to the file. */
	void dump(Database database, String snapshot, String schema, Path file) {
		List<String> command = new ArrayList<>(List.of(program("pg_dump"), "--format=custom", "--no-password",
				"--file=" + file, "--snapshot=" + snapshot));
		// the public schema exists in every database, and a dump that names it would
		// create it again and fail to restore
		if (schema != null && !schema.equals("public")) {
			command.add("--schema=" + schema);
		}
		connection(database).forEach((option, value) -> command.add(option + "=" + value));
		run("pg_dump", command, database);
	}

	/**
	 * Restores the dump in one transaction, so that a restore that fails leaves the
	 * database as empty as it was. Objects belong to the application's user, whoever
	 * owned them where the backup was taken.
	 */
	void restore(Database database, Path file) {
		List<String> command = new ArrayList<>(List.of(program("pg_restore"), "--no-password", "--no-owner", "--no-acl",
				"--exit-on-error", "--single-transaction"));
		connection(database).forEach((option, value) -> command.add(option + "=" + value));
		command.add(file.toString());
		run("pg_restore", command, database);
	}

	private static Map<String, String> connection(Database database) {
		return database.clientSettings();
	}

	private String program(String name) {
		return directory == null ? name : Path.of(directory, name).toString();
	}

	private void run(String name, List<String> command, Database database) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", database.password() == null ? "" : database.password());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new BackupFailure(name + " was not found" + (directory == null ? " on the PATH" : " in " + directory)
					+ ": install PostgreSQL's client programs (of the server's version or newer), or name their"
					+ " directory in BARSHAGA_PG_BIN", ex);
		}
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			int exit = process.waitFor();
			if (exit != 0) {
				throw new BackupFailure(name + " failed (exit " + exit + ")" + (output.isEmpty() ? "" : ": " + output));
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new BackupFailure(name + " could not be read: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new BackupFailure(name + " was interrupted", ex);
		}
	}

}
