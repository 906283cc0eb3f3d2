package org.barshaga.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code export --type TYPE --out FILE.csv|FILE.xlsx}: a register in its import layout.
 */
@Component
class ExportJob implements CommandLineJob {

	private final Exporter exporter;

	private final MessageSource messages;

	ExportJob(Exporter exporter, MessageSource messages) {
		this.exporter = exporter;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String usage() {
		return "export --type " + ImportJob.types() + " --out FILE.csv|FILE.xlsx [--lang kk|ru|en]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		Optional<Register> register = Register.fromFileName(CommandLineJob.option(arguments, "--type"));
		String file = CommandLineJob.option(arguments, "--out");
		if (register.isEmpty() || file == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		Path path = Path.of(file);
		long started = System.nanoTime();
		try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
			long rows = file.toLowerCase(Locale.ROOT).endsWith(".xlsx")
					? exporter.xlsx(ImportJob.SYSTEM, register.get(), stream, Channel.COMMAND_LINE)
					: exporter.csv(ImportJob.SYSTEM, register.get(), stream, Channel.COMMAND_LINE);
			out.printf(Locale.ROOT, "%s: %,d rows written to %s in %.1f s%n", register.get().fileName(), rows,
					path.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
			return 0;
		}
		catch (IOException ex) {
			out.println("Cannot write " + path.toAbsolutePath() + ": " + ex.getMessage());
			return 2;
		}
		catch (InvalidInputException refused) {
			Locale locale = Locale
				.forLanguageTag(Optional.ofNullable(CommandLineJob.option(arguments, "--lang")).orElse("en"));
			refused.problems()
				.forEach(error -> out
					.println(messages.getMessage(error.messageKey(), error.arguments().toArray(), locale)));
			deleteQuietly(path);
			return 2;
		}
	}

	/** A refused export leaves no empty file behind. */
	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// the refusal is what the user needs to read; an empty file left behind is
			// harmless
		}
	}

}
