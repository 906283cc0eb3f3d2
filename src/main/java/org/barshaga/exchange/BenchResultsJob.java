package org.barshaga.exchange;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.barshaga.kernel.CommandLineJob;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench results --file RESULTS.csv}: a national term's results, loaded as an
 * operator loads them (in files of at most the rows one import takes, see
 * {@link UploadLimits#MAX_ROWS}), against PostgreSQL's own {@code COPY} of the whole file
 * into a table of its columns with the same key. Prints both times, the ratio, the peak
 * heap and what the results cost in space (docs/BENCHMARKS.md, "Outcomes").
 */
@Component
class BenchResultsJob implements CommandLineJob {

	private static final String RAW_TABLE = """
			CREATE TABLE bench_raw_results (school_year SMALLINT NOT NULL, term SMALLINT NOT NULL, iin BIGINT NOT NULL,
				subject VARCHAR(40) NOT NULL, percentage REAL NOT NULL, mark SMALLINT,
				PRIMARY KEY (iin, school_year, term, subject))""";

	/** Rows of each part: well inside one import's limit. */
	private static final long PART_ROWS = 3_500_000;

	private final Importer importer;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	BenchResultsJob(Importer importer, DataSource dataSource, JdbcClient jdbc) {
		this.importer = importer;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "bench results";
	}

	@Override
	public String usage() {
		return "bench results --file RESULTS.csv";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String file = CommandLineJob.option(arguments, "--file");
		if (file == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		if (!importer.postgres()) {
			out.println("This benchmark compares with PostgreSQL's COPY: run it with SPRING_PROFILES_ACTIVE=postgres.");
			return 2;
		}
		try {
			return bench(Path.of(file), out);
		}
		catch (IOException | SQLException ex) {
			out.println("The benchmark stopped: " + ex.getMessage());
			return 3;
		}
	}

	private int bench(Path results, PrintStream out) throws IOException, SQLException {
		out.printf(Locale.ROOT, "Date %s; %d cores; heap limit %d MB; Java %s%n", LocalDate.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"));
		int[] yearAndTerm = yearAndTerm(results);
		execute("DROP TABLE IF EXISTS bench_raw_results");
		execute(RAW_TABLE);
		long start = System.nanoTime();
		long rows;
		try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(results)) {
			rows = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY bench_raw_results FROM STDIN (FORMAT csv, HEADER true)", in);
		}
		double raw = BenchJob.seconds(start);
		out.printf(Locale.ROOT, "COPY of the file: %,d rows in %.1f s (%,.0f rows/s)%n", rows, raw, rows / raw);
		execute("DROP TABLE bench_raw_results");

		Path parts = Files.createTempDirectory("bench-results");
		try {
			List<Path> files = split(results, parts);
			jdbc.sql("DELETE FROM term_result WHERE school_year = ? AND term = ?")
				.param(yearAndTerm[0])
				.param(yearAndTerm[1])
				.update();
			execute("VACUUM ANALYZE term_result");
			long before = tableBytes();
			BenchJob.resetPeaks();
			start = System.nanoTime();
			long written = 0;
			boolean completed = true;
			for (Path part : files) {
				ImportRun run = importer.run(new ImportRequest(ImportJob.SYSTEM, Register.RESULTS, part,
						part.getFileName().toString(), ImportMode.ALL_OR_NOTHING, false, Channel.COMMAND_LINE), null);
				written += run.rowsWritten();
				completed &= run.status() == ImportRun.Status.COMPLETED;
				out.printf(Locale.ROOT, "  %s: %,d rows, %s, %.1f s so far%n", part.getFileName(), run.rowsWritten(),
						run.status(), BenchJob.seconds(start));
			}
			double load = BenchJob.seconds(start);
			out.printf(Locale.ROOT, "Barshaga import in %d files: %,d rows in %.1f s (%,.0f rows/s), peak heap %d MB%n",
					files.size(), written, load, written / load, BenchJob.peakHeapMegabytes());
			out.printf(Locale.ROOT, "Speed of the import against COPY: %.2f%n", raw / load);
			Path first = files.get(0);
			start = System.nanoTime();
			ImportRun again = importer.run(new ImportRequest(ImportJob.SYSTEM, Register.RESULTS, first,
					first.getFileName().toString(), ImportMode.ALL_OR_NOTHING, false, Channel.COMMAND_LINE), null);
			double reload = BenchJob.seconds(start);
			out.printf(Locale.ROOT, "The first file loaded again: %,d rows in %.1f s (%,.0f rows/s), %s%n",
					again.rowsWritten(), reload, again.rowsWritten() / reload, again.status());
			completed &= again.status() == ImportRun.Status.COMPLETED;
			execute("VACUUM ANALYZE term_result");
			long bytes = tableBytes() - before;
			out.printf(Locale.ROOT, "Space of these results: %,d MB (%.0f bytes a result), table and key together%n",
					bytes >> 20, written == 0 ? 0.0 : (double) bytes / written);
			return completed ? 0 : 1;
		}
		finally {
			try (var listing = Files.list(parts)) {
				for (Path part : listing.toList()) {
					Files.deleteIfExists(part);
				}
			}
			Files.deleteIfExists(parts);
		}
	}

	private long tableBytes() {
		return jdbc.sql("SELECT pg_total_relation_size('term_result')").query(Long.class).single();
	}

	/**
	 * The file cut into parts of at most {@link #PART_ROWS} rows, each with the header.
	 */
	private static List<Path> split(Path results, Path into) throws IOException {
		List<Path> files = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
			String header = reader.readLine();
			String line = reader.readLine();
			while (line != null) {
				Path part = into.resolve("results-" + (files.size() + 1) + ".csv");
				files.add(part);
				try (BufferedWriter writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
					writer.write(header);
					writer.newLine();
					for (long n = 0; n < PART_ROWS && line != null; n++) {
						writer.write(line);
						writer.newLine();
						line = reader.readLine();
					}
				}
			}
		}
		return files;
	}

	private static int[] yearAndTerm(Path results) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
			reader.readLine();
			String[] first = reader.readLine().split(",", 3);
			return new int[] { Integer.parseInt(first[0]), Integer.parseInt(first[1]) };
		}
	}

	private void execute(String sql) throws SQLException {
		BenchJob.execute(dataSource, sql);
	}

}
