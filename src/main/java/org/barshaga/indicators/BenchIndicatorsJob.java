package org.barshaga.indicators;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.springframework.stereotype.Component;

/**
 * {@code bench indicators [--year YYYY] [--rounds N] [--queries N]}: recomputes every
 * indicator of the catalogue for every unit of the country from the registers, several
 * times, then times the value queries the dashboards make (a place's value and its
 * children's for each indicator) on random units. Prints the times and the peak heap.
 */
@Component
class BenchIndicatorsJob implements CommandLineJob {

	private static final Actor MINISTRY = new Actor(0, "bench", "Benchmark", Role.MINISTRY, DataScope.NATION);

	private final Indicators indicators;

	private final FactCache cache;

	BenchIndicatorsJob(Indicators indicators, FactCache cache) {
		this.indicators = indicators;
		this.cache = cache;
	}

	@Override
	public String name() {
		return "bench indicators";
	}

	@Override
	public String usage() {
		return "bench indicators [--year YYYY] [--rounds N] [--queries N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int year = Optional.ofNullable(CommandLineJob.option(arguments, "--year"))
			.map(Integer::parseInt)
			.orElse(indicators.currentYear());
		int rounds = Optional.ofNullable(CommandLineJob.option(arguments, "--rounds")).map(Integer::parseInt).orElse(5);
		int queries = Optional.ofNullable(CommandLineJob.option(arguments, "--queries"))
			.map(Integer::parseInt)
			.orElse(2000);
		out.printf("Recomputing every indicator for every unit, school year %d, %d rounds%n", year, rounds);
		List<Double> times = new ArrayList<>();
		int values = 0;
		for (int round = 1; round <= rounds; round++) {
			long start = System.nanoTime();
			values = indicators.recomputeEverything(year);
			double seconds = (System.nanoTime() - start) / 1e9;
			times.add(seconds);
			out.printf("  round %d: %.2f s (%,d fact rows, %,d values)%n", round, seconds, cache.facts(year).size(),
					values);
		}
		Collections.sort(times);
		out.printf("Full recomputation: median %.2f s, best %.2f s, worst %.2f s%n", times.get(times.size() / 2),
				times.get(0), times.get(times.size() - 1));

		List<String> places = new ArrayList<>();
		YearFacts facts = cache.facts(year);
		places.add("KZ");
		for (String region : facts.childUnits("/KZ/")) {
			places.add(facts.place(region).code());
			facts.childUnits(region).forEach(district -> places.add(facts.place(district).code()));
		}
		List<Indicator> catalogue = indicators.catalogue();
		Random random = new Random(1);
		List<Double> latencies = new ArrayList<>();
		for (int i = 0; i < queries; i++) {
			Indicator indicator = catalogue.get(random.nextInt(catalogue.size()));
			String place = places.get(random.nextInt(places.size()));
			long start = System.nanoTime();
			indicators.values(MINISTRY, indicator.code(), place, year, Level.SELF, List.of());
			indicators.values(MINISTRY, indicator.code(), place, year, Level.CHILDREN, List.of());
			latencies.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(latencies);
		out.printf(
				"Value queries (a place and its children, %d random units and indicators): median %.2f ms, "
						+ "p95 %.2f ms, p99 %.2f ms, worst %.2f ms%n",
				queries, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
				latencies.get(latencies.size() - 1));
		out.printf("Peak heap: %d MB%n", peakHeap() / (1024 * 1024));
		return 0;
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
