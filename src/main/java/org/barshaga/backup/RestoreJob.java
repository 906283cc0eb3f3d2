package org.barshaga.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.barshaga.audit.AuditAction;
import org.barshaga.kernel.CommandLineJob;

import org.springframework.stereotype.Component;

/**
 * {@code restore --from FILE}: a backup into an empty database, then every table's rows
 * and checksum compared with the manifest. The application starts for this command
 * without running its migrations, so that an empty database stays empty until the dump is
 * loaded. See docs/operations.md.
 */
@Component
class RestoreJob implements CommandLineJob {

	/** Exit code of a restore refused or failed before anything was loaded. */
	static final int REFUSED = 1;

	/** Exit code of a restore whose database does not match its manifest. */
	static final int NOT_VERIFIED = 3;

	private final Operator operator;

	RestoreJob(Operator operator) {
		this.operator = operator;
	}

	@Override
	public String name() {
		return "restore";
	}

	@Override
	public String usage() {
		return "restore --from FILE";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String file = CommandLineJob.option(arguments, "--from");
		if (file == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		Path path = Path.of(file).toAbsolutePath();
		String name = path.getFileName().toString();
		long started = System.nanoTime();
		Backups.Verification verification;
		try {
			verification = operator.backups().restore(operator.database(), path);
		}
		catch (Backups.NotEmpty refused) {
			out.println("Restore refused: " + refused.getMessage());
			// the database has tables, so it has the audit log to record the attempt in
			if (refused.tables().contains("audit_event")) {
				operator.audit(AuditAction.IMPORT, name, "restore refused: the database is not empty");
			}
			return REFUSED;
		}
		catch (BackupFailure failure) {
			out.println("Restore failed: " + failure.getMessage());
			return REFUSED;
		}
		verification.checks()
			.forEach(check -> out.println((check.matches() ? "  ok        " : "  MISMATCH  ") + check.describe()));
		boolean versionMatches = Objects.equals(verification.expectedVersion(), verification.foundVersion());
		out.println((versionMatches ? "  ok        " : "  MISMATCH  ") + "schema version " + verification.foundVersion()
				+ (versionMatches ? "" : ", the backup has " + verification.expectedVersion()));
		if (!verification.verified()) {
			String tables = String.join(", ", verification.mismatched());
			out.println("Restore NOT verified: the restored database differs from the backup's manifest"
					+ (tables.isEmpty() ? "" : " in " + tables)
					+ ". Do not use it; restore the backup again into a new empty database, or an older backup.");
			auditQuietly(name, "restore not verified: " + (tables.isEmpty() ? "schema version" : tables));
			return NOT_VERIFIED;
		}
		long rows = verification.checks().stream().mapToLong(check -> check.found().rows()).sum();
		String summary = String.format(Locale.ROOT, "restored and verified: schema version %s, %d tables, %,d rows",
				verification.foundVersion(), verification.checks().size(), rows);
		// written after the verification, which it would otherwise upset
		operator.audit(AuditAction.IMPORT, name, summary);
		out.printf(Locale.ROOT, "%s from %s in %.1f s%n", summary, path, (System.nanoTime() - started) / 1e9);
		return 0;
	}

	private void auditQuietly(String name, String detail) {
		try {
			operator.audit(AuditAction.IMPORT, name, detail);
		}
		catch (RuntimeException ex) {
			// a restore that failed may not have brought the audit table back; what the
			// operator needs is the mismatch already printed
		}
	}

}
