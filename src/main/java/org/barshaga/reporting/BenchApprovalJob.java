package org.barshaga.reporting;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Component;

/**
 * {@code bench approval --year YYYY [--rounds N]}: reads the approval status of every
 * organisation of the country for the period, several times, and prints the times with
 * the counts of each status.
 */
@Component
class BenchApprovalJob implements CommandLineJob {

	private static final Actor ADMIN = new Actor(0, "bench", "Benchmark", Role.ADMIN, DataScope.NATION);

	private final ApprovalBoard board;

	private final ValidationRuns runs;

	BenchApprovalJob(ApprovalBoard board, ValidationRuns runs) {
		this.board = board;
		this.runs = runs;
	}

	@Override
	public String name() {
		return "bench approval";
	}

	@Override
	public String usage() {
		return "bench approval [--year YYYY] [--rounds N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int year = Optional.ofNullable(CommandLineJob.option(arguments, "--year"))
			.map(Integer::parseInt)
			.orElse(runs.currentYear());
		int rounds = Math.max(1,
				Optional.ofNullable(CommandLineJob.option(arguments, "--rounds")).map(Integer::parseInt).orElse(10));
		List<Double> times = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		// On a shared machine the wall time mostly measures waiting for a core; the
		// thread's CPU time (an embedded H2 runs the query on this thread) does not.
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ApprovalStatus status = null;
		for (int round = 1; round <= rounds; round++) {
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			status = board.status(ADMIN, year, null);
			double ms = (System.nanoTime() - start) / 1e6;
			double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
			times.add(ms);
			cpu.add(cpuMs);
			out.printf("  round %d: %.1f ms, %.1f ms of CPU on this thread (%,d organisations)%n", round, ms, cpuMs,
					status.organisations().size());
		}
		Collections.sort(times);
		Collections.sort(cpu);
		out.printf("Approval status of every organisation: median %.1f ms, best %.1f ms, worst %.1f ms%n",
				times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
		out.printf("CPU time on this thread: median %.1f ms, best %.1f ms, worst %.1f ms%n", cpu.get(cpu.size() / 2),
				cpu.get(0), cpu.get(cpu.size() - 1));
		status.counts().forEach((state, count) -> out.printf("  %-14s %,d%n", state, count));
		return 0;
	}

}
