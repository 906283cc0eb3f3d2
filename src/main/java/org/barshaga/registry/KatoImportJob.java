package org.barshaga.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code import-kato --file F [--effective YYYY-MM-DD] [--dry-run]}: the classifier
 * import from a terminal.
 */
@Component
class KatoImportJob implements CommandLineJob {

	private final KatoImport kato;

	private final MessageSource messages;

	private final Clock clock;

	KatoImportJob(KatoImport kato, MessageSource messages, Clock clock) {
		this.kato = kato;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "import-kato";
	}

	@Override
	public String usage() {
		return "import-kato --file FILE.csv [--effective YYYY-MM-DD] [--dry-run] [--lang kk|ru|en]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String file = CommandLineJob.option(arguments, "--file");
		Locale locale = Locale.forLanguageTag(
				CommandLineJob.option(arguments, "--lang") == null ? "en" : CommandLineJob.option(arguments, "--lang"));
		if (file == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		String effective = CommandLineJob.option(arguments, "--effective");
		Actor system = new Actor(0, "system:import-kato", "KATO import", Role.ADMIN, DataScope.NATION);
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			KatoImport.Report report = kato.run(system, in,
					effective == null ? LocalDate.now(clock) : LocalDate.parse(effective),
					arguments.contains("--dry-run"));
			for (KatoImport.LineProblem problem : report.problems()) {
				out.printf("line %d%s: %s%n", problem.line(),
						problem.column() == null ? "" : " [" + problem.column() + "]",
						messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale));
			}
			for (KatoImport.ChangeKind kind : KatoImport.ChangeKind.values()) {
				out.printf("%s: %d%n", messages.getMessage(kind.messageKey(), null, locale), report.count(kind));
			}
			out.printf("%s: %d%n", messages.getMessage("kato.absent", null, locale), report.absent().size());
			out.println(messages.getMessage(report.applied() ? "kato.applied" : "kato.notApplied", null, locale));
			return report.problems().isEmpty() ? 0 : 1;
		}
		catch (IOException failure) {
			out.println("Cannot read " + file + ": " + failure.getMessage());
			return 1;
		}
	}

}
