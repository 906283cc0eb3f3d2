package org.barshaga.reconcile.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Links the health registry to the enrolment extract with one linker and measures it:
 *
 * <pre>
 * LinkageBenchmark --data DIR --linker NAME [--regions KZ-61,KZ-59] [--limit-health N]
 * </pre>
 *
 * Prints the load and link wall times, the peak memory (the heap pools' peak usage added
 * up, and the process's peak resident set, {@code VmHWM}), and the quality against
 * {@code health_ground_truth.csv}, ending with one Markdown table row.
 *
 * <p>
 * Quality. A link is correct when the pupil's IIN is the child's true IIN and the child
 * is in the pupils loaded (with {@code --regions}, a child enrolled in a school of
 * another region counts as not enrolled, since no linker could find it). Link precision
 * is over the links made, recall over the health records whose child is enrolled. The
 * "not enrolled" list is the health records of school age (6 to 17 years old on 1 October
 * of the school year of the enrolment extract, by the birth date the record gives) that
 * got no link; it is compared with the school-age records whose child is not enrolled.
 */
public final class LinkageBenchmark {

	/** The linkers by name: add a linker here. */
	static final Map<String, Supplier<Linker>> LINKERS = new LinkedHashMap<>();

	static {
		LINKERS.put("barshaga", org.barshaga.reconcile.BarshagaLinker::new);
		LINKERS.put("duke", DukeLinker::new);
		LINKERS.put("jedai", JedaiLinker::new);
	}

	private LinkageBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = options(args);
		String data = options.get("--data");
		String name = options.get("--linker");
		if (data == null || name == null || !LINKERS.containsKey(name)) {
			System.err.println("Usage: LinkageBenchmark --data DIR --linker " + String.join("|", LINKERS.keySet())
					+ " [--regions KZ-61,KZ-59] [--limit-health N]");
			System.exit(2);
		}
		Set<String> regions = null;
		if (options.containsKey("--regions")) {
			regions = new TreeSet<>(Arrays.asList(options.get("--regions").split(",")));
		}
		int limitHealth = options.containsKey("--limit-health") ? Integer.parseInt(options.get("--limit-health")) : 0;
		Linker linker = LINKERS.get(name).get();

		long loadStart = System.nanoTime();
		LinkageData linkage = LinkageData.read(Path.of(data), regions, limitHealth);
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		System.out.printf(Locale.ROOT, "Loaded %d health records and %d pupils (school year %d) in %.1f s%n",
				linkage.health().size(), linkage.pupils().size(), linkage.schoolYear(), loadSeconds);

		long linkStart = System.nanoTime();
		long cpuStart = processCpuNanos();
		Map<String, String> links = linker.link(linkage.health(), linkage.pupils());
		double linkSeconds = (System.nanoTime() - linkStart) / 1e9;
		double linkCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
		System.out.printf(Locale.ROOT, "%s made %d links in %.1f s (process CPU time %.1f s)%n", linker.name(),
				links.size(), linkSeconds, linkCpuSeconds);

		check(links, linkage);
		Quality quality = Quality.of(links, linkage);
		long heapPeak = heapPeakBytes();
		long rssPeak = peakResidentBytes();
		String subset = (regions == null) ? "all" : String.join(" ", regions);
		if (limitHealth > 0) {
			subset += ", first " + limitHealth + " health records";
		}
		System.out.println(quality.describe());
		System.out.printf(Locale.ROOT, "Peak heap %d MiB, peak RSS %d MiB, max heap %d MiB%n", heapPeak >> 20,
				rssPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		System.out.println();
		System.out
			.println("| linker | data | health | pupils | load s | link s | link CPU s | peak heap MiB | peak RSS MiB "
					+ "| links | link P | link R | link F1 | not enrolled listed | not enrolled P | not enrolled R |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT,
				"| %s | %s | %d | %d | %.1f | %.1f | %.1f | %d | %d | %d | %.4f | %.4f | %.4f | %d | %.4f | %.4f |%n",
				linker.name(), subset, linkage.health().size(), linkage.pupils().size(), loadSeconds, linkSeconds,
				linkCpuSeconds, heapPeak >> 20, rssPeak >> 20, links.size(), quality.linkPrecision(),
				quality.linkRecall(), quality.linkF1(), quality.listed(), quality.notEnrolledPrecision(),
				quality.notEnrolledRecall());
	}

	/**
	 * Fails when a linker breaks the contract (a health record or a pupil it was not
	 * given). A pupil may be linked from two records that the linker holds to name one
	 * child: the health registry holds some children twice.
	 */
	private static void check(Map<String, String> links, LinkageData linkage) {
		Set<String> healthIds = linkage.health().stream().map(Person::id).collect(Collectors.toSet());
		Set<String> pupilIins = linkage.pupils().stream().map(Person::id).collect(Collectors.toSet());
		links.forEach((healthId, iin) -> {
			if (!healthIds.contains(healthId) || !pupilIins.contains(iin)) {
				throw new IllegalStateException("Invalid link " + healthId + " -> " + iin);
			}
		});
	}

	/**
	 * Quality of the links and of the "not enrolled" list.
	 */
	record Quality(int links, int correct, int enrolled, int listed, int listedCorrectly, int notEnrolled) {

		static Quality of(Map<String, String> links, LinkageData linkage) {
			Set<String> pupilIins = linkage.pupils().stream().map(Person::id).collect(Collectors.toSet());
			LocalDate census = LocalDate.of(linkage.schoolYear(), 10, 1);
			int correct = 0;
			int enrolled = 0;
			int listed = 0;
			int listedCorrectly = 0;
			int notEnrolled = 0;
			for (Person record : linkage.health()) {
				LinkageData.Truth truth = linkage.truth().get(record.id());
				boolean isEnrolled = truth != null && truth.inEnrolment() && pupilIins.contains(truth.iin());
				String linked = links.get(record.id());
				if (isEnrolled) {
					enrolled++;
					if (truth.iin().equals(linked)) {
						correct++;
					}
				}
				if (schoolAge(record.birthDate(), census)) {
					if (!isEnrolled) {
						notEnrolled++;
					}
					if (linked == null) {
						listed++;
						if (!isEnrolled) {
							listedCorrectly++;
						}
					}
				}
			}
			return new Quality(links.size(), correct, enrolled, listed, listedCorrectly, notEnrolled);
		}

		static boolean schoolAge(LocalDate birthDate, LocalDate census) {
			if (birthDate == null || birthDate.isAfter(census)) {
				return false;
			}
			int age = Period.between(birthDate, census).getYears();
			return age >= 6 && age <= 17;
		}

		double linkPrecision() {
			return ratio(this.correct, this.links);
		}

		double linkRecall() {
			return ratio(this.correct, this.enrolled);
		}

		double linkF1() {
			double p = linkPrecision();
			double r = linkRecall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		double notEnrolledPrecision() {
			return ratio(this.listedCorrectly, this.listed);
		}

		double notEnrolledRecall() {
			return ratio(this.listedCorrectly, this.notEnrolled);
		}

		String describe() {
			return String.format(Locale.ROOT,
					"Links: %d made, %d correct, %d health records whose child is enrolled: precision %.4f, recall %.4f, F1 %.4f%n"
							+ "Not enrolled (school age, no link): %d listed, %d rightly, %d truly not enrolled: precision %.4f, recall %.4f",
					this.links, this.correct, this.enrolled, linkPrecision(), linkRecall(), linkF1(), this.listed,
					this.listedCorrectly, this.notEnrolled, notEnrolledPrecision(), notEnrolledRecall());
		}

		private static double ratio(int numerator, int denominator) {
			return (denominator == 0) ? 0 : (double) numerator / denominator;
		}

	}

	/** CPU time of the whole process (every thread, the collector's included). */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private static long heapPeakBytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	private static long peakResidentBytes() {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
			for (String line : lines) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// not Linux: no figure
		}
		return -1;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

}
