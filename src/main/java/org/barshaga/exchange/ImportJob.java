package org.barshaga.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Component;

/**
 * {@code import --type TYPE --file F [--mode all-or-nothing|valid-rows] [--dry-run]}: a
 * register from a file, with a progress bar on the terminal and the report of rejected
 * rows written beside the file. It runs as the installation's administrator: whoever runs
 * the jar on the server has the database already.
 */
@Component
class ImportJob implements CommandLineJob {

	static final Actor SYSTEM = new Actor(0, "system:import", "Command-line import", Role.ADMIN, DataScope.NATION);

	private final Importer importer;

	private final ImportRuns runs;

	private final Reports reports;

	ImportJob(Importer importer, ImportRuns runs, Reports reports) {
		this.importer = importer;
		this.runs = runs;
		this.reports = reports;
	}

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String usage() {
		return "import --type " + types() + " --file FILE.csv|FILE.xlsx [--mode all-or-nothing|valid-rows] [--dry-run]"
				+ " [--report REPORT.csv] [--lang kk|ru|en]";
	}

	static String types() {
		return String.join("|", java.util.Arrays.stream(Register.values()).map(Register::fileName).toList());
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		Locale locale = Locale
			.forLanguageTag(Optional.ofNullable(CommandLineJob.option(arguments, "--lang")).orElse("en"));
		Optional<Register> register = Register.fromFileName(CommandLineJob.option(arguments, "--type"));
		String file = CommandLineJob.option(arguments, "--file");
		Optional<ImportMode> mode = ImportMode
			.fromOption(Optional.ofNullable(CommandLineJob.option(arguments, "--mode")).orElse("all-or-nothing"));
		if (register.isEmpty() || file == null || mode.isEmpty()) {
			out.println("Usage: " + usage());
			return 2;
		}
		Path path = Path.of(file);
		if (!Files.isReadable(path)) {
			out.println("Cannot read " + path.toAbsolutePath());
			return 2;
		}
		boolean dryRun = arguments.contains("--dry-run");
		ImportRequest request = new ImportRequest(SYSTEM, register.get(), path, path.getFileName().toString(),
				mode.get(), dryRun, Channel.COMMAND_LINE);
		long started = System.nanoTime();
		ImportRun run;
		try {
			run = importer.run(request, new TerminalProgress(out));
		}
		catch (IOException ex) {
			out.println("Cannot read " + path.toAbsolutePath() + ": " + ex.getMessage());
			return 2;
		}
		catch (ImportRunning running) {
			out.println(reports.message("exchange.upload.running", new Object[] { String.valueOf(running.runningId()) },
					locale));
			return 2;
		}
		out.println();
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf(Locale.ROOT, "%s: %s. %,d rows read, %,d rejected, %,d written in %.1f s (run %d)%n",
				register.get().fileName(), run.status(), run.rowsRead(), run.rowsRejected(), run.rowsWritten(), seconds,
				run.id());
		String problem = reports.problem(run, locale);
		if (problem != null) {
			out.println(problem);
		}
		if (run.rowsRejected() > 0) {
			runs.rejections(run.id(), 20)
				.forEach(r -> out.println("  line " + r.line() + (r.column() == null ? "" : ", " + r.column())
						+ (r.value() == null || r.value().isEmpty() ? "" : " \"" + r.value() + "\"") + ": "
						+ reports.reason(r, locale)));
			Path report = Path.of(Optional.ofNullable(CommandLineJob.option(arguments, "--report"))
				.orElse(path.toAbsolutePath() + ".report.csv"));
			try (OutputStream stream = Files.newOutputStream(report)) {
				reports.csv(runs, run.id(), locale, stream);
				out.println("Every rejected row: " + report.toAbsolutePath());
			}
			catch (IOException ex) {
				out.println("Cannot write the report: " + ex.getMessage());
			}
		}
		return switch (run.status()) {
			case COMPLETED -> run.rowsRejected() == 0 ? 0 : 1;
			case REJECTED -> 1;
			default -> 3;
		};
	}

	/**
	 * A progress bar by bytes of the file, redrawn in place; when the output is not a
	 * terminal, a line for every tenth of the file instead.
	 */
	static final class TerminalProgress implements Importer.Progress {

		private final PrintStream out;

		private final boolean console = System.console() != null;

		private int lastTenth = -1;

		TerminalProgress(PrintStream out) {
			this.out = out;
		}

		@Override
		public void update(long bytesRead, long fileBytes, long rowsRead, long rowsRejected, long rowsWritten) {
			if (bytesRead < 0) {
				if (console) {
					out.printf(Locale.ROOT, "\r%,d rows, %,d rejected, %,d saved", rowsRead, rowsRejected, rowsWritten);
					out.flush();
				}
				return;
			}
			int percent = fileBytes == 0 ? 100 : (int) Math.min(100, bytesRead * 100 / fileBytes);
			if (console) {
				String bar = "#".repeat(percent / 4) + " ".repeat(25 - percent / 4);
				out.printf(Locale.ROOT, "\r[%s] %3d%%  %,d rows, %,d rejected, %,d saved", bar, percent, rowsRead,
						rowsRejected, rowsWritten);
				out.flush();
			}
			else if (percent / 10 > lastTenth) {
				lastTenth = percent / 10;
				out.printf(Locale.ROOT, "%3d%%  %,d rows, %,d rejected, %,d saved%n", percent, rowsRead, rowsRejected,
						rowsWritten);
			}
		}

	}

}
