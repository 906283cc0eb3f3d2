package org.barshaga.indicators;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench figures [--year YYYY] [--rounds N] [--queries N]}: freezes the school
 * year's figures of record for the whole country N times, then times the same value
 * queries live and as of the frozen revision. Every freeze is rolled back, so the
 * benchmark leaves no revision behind.
 */
@Component
class BenchFiguresJob implements CommandLineJob {

	private static final Actor MINISTRY = new Actor(0, "bench", "Benchmark", Role.MINISTRY, DataScope.NATION);

	private final FiguresOfRecord figures;

	private final Indicators indicators;

	private final FactCache cache;

	private final TransactionTemplate transactions;

	BenchFiguresJob(FiguresOfRecord figures, Indicators indicators, FactCache cache, TransactionTemplate transactions) {
		this.figures = figures;
		this.indicators = indicators;
		this.cache = cache;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "bench figures";
	}

	@Override
	public String usage() {
		return "bench figures [--year YYYY] [--rounds N] [--queries N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int year = Optional.ofNullable(CommandLineJob.option(arguments, "--year"))
			.map(Integer::parseInt)
			.orElse(indicators.currentYear());
		int rounds = Optional.ofNullable(CommandLineJob.option(arguments, "--rounds")).map(Integer::parseInt).orElse(3);
		int queries = Optional.ofNullable(CommandLineJob.option(arguments, "--queries"))
			.map(Integer::parseInt)
			.orElse(2000);
		out.printf("Freezing the figures of record of school year %d for the whole country, %d rounds%n", year, rounds);
		List<Double> times = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			boolean last = round == rounds;
			int shown = round;
			transactions.executeWithoutResult(status -> {
				long start = System.nanoTime();
				FiguresOfRecord.Revision revision = figures.freeze(year, "bench", null);
				double seconds = (System.nanoTime() - start) / 1e9;
				times.add(seconds);
				out.printf("  round %d: %.2f s (%,d fact rows, %,d values, facts %,d bytes compressed)%n", shown,
						seconds, cache.facts(year).size(), revision.values(), revision.bytes());
				if (last) {
					queries(year, queries, String.valueOf(revision.revision()), out);
				}
				status.setRollbackOnly();
			});
		}
		Collections.sort(times);
		out.printf("Freezing: median %.2f s, best %.2f s, worst %.2f s%n", times.get(times.size() / 2), times.get(0),
				times.get(times.size() - 1));
		return 0;
	}

	/**
	 * The same random queries live and as of the revision, each set timed after a
	 * warm-up.
	 */
	private void queries(int year, int count, String revision, PrintStream out) {
		List<String> places = new ArrayList<>();
		YearFacts facts = cache.facts(year);
		places.add("KZ");
		for (String region : facts.childUnits("/KZ/")) {
			places.add(facts.place(region).code());
			facts.childUnits(region).forEach(district -> places.add(facts.place(district).code()));
		}
		List<Indicator> catalogue = indicators.catalogue();
		for (String asOf : List.of("live", revision)) {
			Consumer<Random> pass = random -> {
				for (int i = 0; i < count; i++) {
					query(catalogue, places, random, year, asOf, null);
				}
			};
			pass.accept(new Random(2));
			Random random = new Random(1);
			List<Double> latencies = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				query(catalogue, places, random, year, asOf, latencies);
			}
			Collections.sort(latencies);
			out.printf(
					"Value queries as of %s (a place and its children, %d random units and indicators): "
							+ "median %.3f ms, p95 %.3f ms, p99 %.3f ms, worst %.2f ms%n",
					asOf, count, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
					latencies.get(latencies.size() - 1));
		}
	}

	private void query(List<Indicator> catalogue, List<String> places, Random random, int year, String asOf,
			List<Double> latencies) {
		Indicator indicator = catalogue.get(random.nextInt(catalogue.size()));
		String place = places.get(random.nextInt(places.size()));
		long start = System.nanoTime();
		figures.values(MINISTRY, indicator.code(), place, year, Level.SELF, List.of(), asOf);
		figures.values(MINISTRY, indicator.code(), place, year, Level.CHILDREN, List.of(), asOf);
		if (latencies != null) {
			latencies.add((System.nanoTime() - start) / 1e6);
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

}
