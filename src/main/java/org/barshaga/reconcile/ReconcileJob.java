package org.barshaga.reconcile;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Component;

/**
 * {@code reconcile [--year YYYY] [--match P] [--review P]}: links the health registry in
 * the database to the enrolment extract of the school year and prints the summary. It
 * runs as the installation's administrator over the whole country.
 */
@Component
class ReconcileJob implements CommandLineJob {

	static final Actor SYSTEM = new Actor(0, "system", "Command line", Role.ADMIN, DataScope.NATION);

	private final Reconciliation reconciliation;

	ReconcileJob(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@Override
	public String name() {
		return "reconcile";
	}

	@Override
	public String usage() {
		return "reconcile [--year YYYY] [--match 0.99] [--review 0.2]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		LinkageSettings settings;
		int year;
		try {
			String given = CommandLineJob.option(arguments, "--year");
			year = given == null ? reconciliation.currentSchoolYear() : Integer.parseInt(given);
			LinkageSettings d = LinkageSettings.DEFAULT;
			String match = CommandLineJob.option(arguments, "--match");
			String review = CommandLineJob.option(arguments, "--review");
			settings = new LinkageSettings(match == null ? d.matchAbove() : Double.parseDouble(match),
					review == null ? d.reviewAbove() : Double.parseDouble(review), d.candidatesPerRecord(),
					d.sampleEvery(), d.seed(), d.threads());
		}
		catch (IllegalArgumentException ex) {
			out.println("Usage: " + usage() + " (" + ex.getMessage() + ")");
			return 2;
		}
		long started = System.nanoTime();
		long id;
		try {
			id = reconciliation.runNow(SYSTEM, year, settings);
		}
		catch (InvalidInputException ex) {
			out.println("Usage: " + usage() + " (the school year is out of range)");
			return 2;
		}
		ReconcileRun run = reconciliation.run(SYSTEM, id);
		out.printf(Locale.ROOT, "Run %d: %s in %.1f s. %,d health records against %,d pupils of %d-%d.%n", id,
				run.status(), (System.nanoTime() - started) / 1e9, run.healthRecords(), run.pupilsRead(), year,
				year + 1);
		if (run.status() != ReconcileRun.Status.FINISHED) {
			out.println(run.problem());
			return 1;
		}
		Map<ReconcileOutcome, Long> totals = new java.util.EnumMap<>(ReconcileOutcome.class);
		reconciliation.summary(SYSTEM, id)
			.values()
			.forEach(counts -> counts.forEach((outcome, n) -> totals.merge(outcome, n, Long::sum)));
		for (ReconcileOutcome outcome : ReconcileOutcome.values()) {
			out.printf(Locale.ROOT, "  %-16s %,9d%n", outcome.name(), totals.getOrDefault(outcome, 0L));
		}
		return 0;
	}

}
