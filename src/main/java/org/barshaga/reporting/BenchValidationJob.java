package org.barshaga.reporting;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.barshaga.indicators.Indicators;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.springframework.stereotype.Component;

/**
 * {@code bench validation [--year YYYY] [--rounds N]}: reads the year's facts, then
 * checks every active rule at every open school of the country, several times, and prints
 * the times with the count of schools and violations.
 */
@Component
class BenchValidationJob implements CommandLineJob {

	private static final Actor ADMIN = new Actor(0, "bench", "Benchmark", Role.ADMIN, DataScope.NATION);

	private final ValidationRuns runs;

	private final Indicators indicators;

	BenchValidationJob(ValidationRuns runs, Indicators indicators) {
		this.runs = runs;
		this.indicators = indicators;
	}

	@Override
	public String name() {
		return "bench validation";
	}

	@Override
	public String usage() {
		return "bench validation [--year YYYY] [--rounds N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int year = Optional.ofNullable(CommandLineJob.option(arguments, "--year"))
			.map(Integer::parseInt)
			.orElse(runs.currentYear());
		int rounds = Math.max(1,
				Optional.ofNullable(CommandLineJob.option(arguments, "--rounds")).map(Integer::parseInt).orElse(5));
		long start = System.nanoTime();
		indicators.measureValues(year);
		out.printf("Facts of school year %d read in %.2f s%n", year, (System.nanoTime() - start) / 1e9);
		List<Double> times = new ArrayList<>();
		ValidationRun run = null;
		for (int round = 1; round <= rounds; round++) {
			run = runs.run(ADMIN, "KZ", year);
			times.add(run.milliseconds() / 1000.0);
			out.printf("  round %d: %.2f s (%d rules, %,d schools, %,d with violations, %,d violations)%n", round,
					run.milliseconds() / 1000.0, run.rules().size(), run.schools(), run.schoolsWithViolations().size(),
					run.violations().total());
		}
		Collections.sort(times);
		out.printf("Every rule over every school: median %.2f s, best %.2f s, worst %.2f s%n",
				times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
		Map<String, Long> byRule = new TreeMap<>();
		run.schoolsWithViolations()
			.forEach(school -> school.violations().forEach(v -> byRule.merge(v.rule(), 1L, Long::sum)));
		out.println("Schools violating each rule:");
		byRule.forEach((rule, schools) -> out.printf("  %-36s %,d%n", rule, schools));
		return 0;
	}

}
