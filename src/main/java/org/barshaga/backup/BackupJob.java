package org.barshaga.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.barshaga.audit.AuditAction;
import org.barshaga.kernel.CommandLineJob;

import org.springframework.stereotype.Component;

/**
 * {@code backup --out FILE}: the whole database to a dump, with its manifest beside it as
 * {@code FILE.manifest.json}. See docs/operations.md.
 */
@Component
class BackupJob implements CommandLineJob {

	private final Operator operator;

	BackupJob(Operator operator) {
		this.operator = operator;
	}

	@Override
	public String name() {
		return "backup";
	}

	@Override
	public String usage() {
		return "backup --out FILE";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String file = CommandLineJob.option(arguments, "--out");
		if (file == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		Path path = Path.of(file).toAbsolutePath();
		long started = System.nanoTime();
		try {
			Manifest manifest = operator.backups().backup(operator.database(), path);
			String summary = String.format(Locale.ROOT, "%s backup of schema version %s: %d tables, %,d rows",
					manifest.vendor(), manifest.schemaVersion(), manifest.tables().size(), manifest.rows());
			operator.audit(AuditAction.EXPORT, path.getFileName().toString(), summary);
			manifest.tables()
				.forEach(table -> out.printf(Locale.ROOT, "  %-32s %,12d rows  %s%n", table.name(), table.rows(),
						table.checksum()));
			out.printf(Locale.ROOT, "%s written to %s (manifest %s) in %.1f s%n", summary, path,
					Manifest.beside(path).getFileName(), (System.nanoTime() - started) / 1e9);
			return 0;
		}
		catch (BackupFailure failure) {
			out.println("Backup failed: " + failure.getMessage());
			return 1;
		}
	}

}
