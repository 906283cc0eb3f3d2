package org.barshaga.exchange;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.barshaga.kernel.CommandLineJob;
import org.postgresql.PGConnection;

import org.springframework.stereotype.Component;

/**
 * {@code bench import --enrolment FILE [--organisations FILE]}: loads the enrolment
 * extract twice in one run and compares. First the database's own bulk load of the same
 * file into a table of the file's columns with the same key ({@code COPY} on PostgreSQL,
 * {@code CSVREAD} on H2), then Barshaga's import (every row checked, schools resolved in
 * scope), as a first load of the year and again as an idempotent re-import. Prints the
 * times, the ratio and the peak heap of each step.
 */
@Component
class BenchJob implements CommandLineJob {

	private static final String RAW_TABLE = """
			CREATE TABLE bench_raw_enrolment (school_year INT NOT NULL, iin CHAR(12) NOT NULL,
				surname VARCHAR(100) NOT NULL, given_name VARCHAR(100) NOT NULL, patronymic VARCHAR(100),
				birth_date DATE NOT NULL, sex VARCHAR(6) NOT NULL, school_code VARCHAR(40) NOT NULL, grade INT NOT NULL,
				language VARCHAR(2) NOT NULL, PRIMARY KEY (school_year, iin))""";

	private final Importer importer;

	private final DataSource dataSource;

	BenchJob(Importer importer, DataSource dataSource) {
		this.importer = importer;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "bench import";
	}

	@Override
	public String usage() {
		return "bench import --enrolment ENROLMENT.csv [--organisations ORGANISATIONS.csv]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String enrolment = CommandLineJob.option(arguments, "--enrolment");
		if (enrolment == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		try {
			return bench(Path.of(enrolment), CommandLineJob.option(arguments, "--organisations"), out);
		}
		catch (IOException | SQLException ex) {
			out.println("The benchmark stopped: " + ex.getMessage());
			return 3;
		}
	}

	private int bench(Path enrolment, String organisations, PrintStream out) throws IOException, SQLException {
		String database;
		try (Connection connection = dataSource.getConnection()) {
			database = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		out.printf(Locale.ROOT, "Date %s; %d cores; heap limit %d MB; %s; Java %s%n", LocalDate.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, database,
				System.getProperty("java.version"));
		if (organisations != null) {
			Path file = Path.of(organisations);
			ImportRun run = importer.run(new ImportRequest(ImportJob.SYSTEM, Register.ORGANISATIONS, file,
					file.getFileName().toString(), ImportMode.VALID_ROWS, false, Channel.COMMAND_LINE), null);
			out.printf(Locale.ROOT, "organisations: %,d rows, %s%n", run.rowsWritten(), run.status());
		}
		int year = firstYear(enrolment);
		long rows;
		execute("DELETE FROM enrolment_extract WHERE school_year = " + year);
		execute("DROP TABLE IF EXISTS bench_raw_enrolment");
		execute(RAW_TABLE);
		resetPeaks();
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			if (importer.postgres()) {
				try (InputStream in = new BufferedInputStream(Files.newInputStream(enrolment), 1 << 16)) {
					rows = connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("COPY bench_raw_enrolment FROM STDIN (FORMAT csv, HEADER true)", in);
				}
			}
			else {
				try (Statement statement = connection.createStatement()) {
					rows = statement.executeUpdate("INSERT INTO bench_raw_enrolment SELECT * FROM CSVREAD('"
							+ enrolment.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')");
				}
			}
		}
		double raw = seconds(start);
		String rawName = importer.postgres() ? "COPY" : "CSVREAD";
		out.printf(Locale.ROOT, "%s of the file: %,d rows in %.1f s (%,.0f rows/s), peak heap %d MB%n", rawName, rows,
				raw, rows / raw, peakHeapMegabytes());
		execute("DROP TABLE bench_raw_enrolment");

		resetPeaks();
		start = System.nanoTime();
		ImportRun first = importer.run(new ImportRequest(ImportJob.SYSTEM, Register.ENROLMENT, enrolment,
				enrolment.getFileName().toString(), ImportMode.ALL_OR_NOTHING, false, Channel.COMMAND_LINE), null);
		double load = seconds(start);
		out.printf(Locale.ROOT, "Barshaga import, first load: %,d rows in %.1f s (%,.0f rows/s), %s, peak heap %d MB%n",
				first.rowsWritten(), load, first.rowsWritten() / load, first.status(), peakHeapMegabytes());

		resetPeaks();
		start = System.nanoTime();
		ImportRun again = importer.run(new ImportRequest(ImportJob.SYSTEM, Register.ENROLMENT, enrolment,
				enrolment.getFileName().toString(), ImportMode.ALL_OR_NOTHING, false, Channel.COMMAND_LINE), null);
		double reload = seconds(start);
		out.printf(Locale.ROOT, "Barshaga import, same file again: %,d rows in %.1f s, %s, peak heap %d MB%n",
				again.rowsWritten(), reload, again.status(), peakHeapMegabytes());
		out.printf(Locale.ROOT, "Speed of the import against %s: %.2f (first load), %.2f (re-import)%n", rawName,
				raw / load, raw / reload);
		return first.status() == ImportRun.Status.COMPLETED && again.status() == ImportRun.Status.COMPLETED ? 0 : 1;
	}

	private static int firstYear(Path enrolment) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(enrolment, StandardCharsets.UTF_8)) {
			reader.readLine();
			String line = reader.readLine();
			return Integer.parseInt(line.substring(0, line.indexOf(',')));
		}
	}

	private void execute(String sql) throws SQLException {
		execute(dataSource, sql);
	}

	static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peakHeapMegabytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum() >> 20;
	}

}
