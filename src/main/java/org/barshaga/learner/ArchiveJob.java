package org.barshaga.learner;

import java.io.PrintStream;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Component;

/**
 * {@code archive}: archives the record of every child who left the system more than the
 * retention period ago ({@code barshaga.retention.years}). The operator runs it daily
 * (docs/operations.md); it is audited as one change holding every archived child.
 */
@Component
class ArchiveJob implements CommandLineJob {

	static final Actor SYSTEM = new Actor(0, "system:archive", "Retention", Role.ADMIN, DataScope.NATION);

	private final Retention retention;

	ArchiveJob(Retention retention) {
		this.retention = retention;
	}

	@Override
	public String name() {
		return "archive";
	}

	@Override
	public String usage() {
		return "archive [--dry-run]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		if (arguments.contains("--dry-run")) {
			int due = retention.dueToday().size();
			out.println(due + " learner records are due for the archive (retention " + retention.years()
					+ " years); nothing changed");
			return 0;
		}
		int archived = retention.archiveDue(SYSTEM);
		out.println("Archived " + archived + " learner records (retention " + retention.years() + " years)");
		return 0;
	}

}
