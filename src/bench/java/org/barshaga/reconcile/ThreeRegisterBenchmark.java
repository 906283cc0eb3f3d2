package org.barshaga.reconcile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.barshaga.kernel.Sex;
import org.barshaga.reconcile.bench.LinkageData;
import org.barshaga.reconcile.bench.Person;

/**
 * Links the health registry, the social-protection register and the enrolment extract of
 * the generator's files in one run, as the product does, and scores it against the ground
 * truth:
 *
 * <pre>
 * ThreeRegisterBenchmark --data DIR [--regions KZ-61]
 * </pre>
 *
 * <ul>
 * <li>links: a record's link is right when the pupil is its child; precision over the
 * records linked automatically, recall over the records whose child is enrolled (in the
 * pupils loaded);</li>
 * <li>clusters: over the pairs of records of one register; a pair is true when both
 * records name the same child, found when both are in one cluster;</li>
 * <li>the out-of-school list: the children the run lists as not enrolled (each once, by the
 * record that stands for the child) of school age on 1 September by that record's birth
 * date; an entry is right when its child is not enrolled and no earlier entry is the same
 * child; recall over the distinct children of school age in either register who are not
 * enrolled.</li>
 * </ul>
 */
public final class ThreeRegisterBenchmark {

	private ThreeRegisterBenchmark() {
	}

	public static void main(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (!options.containsKey("--data")) {
			System.err.println("Usage: ThreeRegisterBenchmark --data DIR [--regions KZ-61,KZ-59]");
			System.exit(2);
		}
		Path data = Path.of(options.get("--data"));
		Set<String> regions = options.containsKey("--regions")
				? new TreeSet<>(Arrays.asList(options.get("--regions").split(","))) : null;

		long loadStart = System.nanoTime();
		LinkageData linkage = LinkageData.read(data, regions, 1);
		Map<String, LinkageData.Truth> healthTruth = new HashMap<>();
		Map<String, LinkageData.Truth> benefitTruth = new HashMap<>();
		List<RegisterRecord> health = records(RecordSource.HEALTH,
				LinkageData.register(data, "health_registry.csv", "health_ground_truth.csv", regions, healthTruth));
		List<RegisterRecord> benefit = records(RecordSource.BENEFIT,
				LinkageData.register(data, "social_benefits.csv", "benefit_ground_truth.csv", regions, benefitTruth));
		List<Pupil> pupils = new ArrayList<>(linkage.pupils().size());
		for (Person p : linkage.pupils()) {
			pupils.add(new Pupil(p.iin(), p.surname(), p.givenName(), p.patronymic(), p.birthDate(),
					Sex.valueOf(p.sex()), 0, "/KZ/" + p.region() + "/"));
		}
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		System.out.printf(Locale.ROOT, "Loaded %d health records, %d benefit records and %d pupils in %.1f s%n",
				health.size(), benefit.size(), pupils.size(), loadSeconds);

		long start = System.nanoTime();
		long cpu = cpuNanos();
		ThreeRegisterLinkage.Outcome outcome = new ThreeRegisterLinkage(LinkageSettings.DEFAULT).link(health, benefit,
				pupils::forEach, Map.of(), Map.of(), read -> {
				});
		double linkSeconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (cpuNanos() - cpu) / 1e9;

		Map<String, LinkageData.Truth> truth = new HashMap<>();
		healthTruth.forEach((id, t) -> truth.put("HEALTH:" + id, t));
		benefitTruth.forEach((id, t) -> truth.put("BENEFIT:" + id, t));
		Set<String> enrolled = new HashSet<>();
		pupils.forEach(p -> enrolled.add(p.iin()));
		LocalDate census = LocalDate.of(linkage.schoolYear(), 9, 1);

		int links = 0;
		int right = 0;
		int findable = 0;
		Map<String, List<String>> clusters = new HashMap<>();
		Set<String> listedChildren = new HashSet<>();
		int listed = 0;
		int listedRight = 0;
		Set<String> outOfSchool = new HashSet<>();
		for (ThreeRegisterLinkage.RecordResult r : outcome.results()) {
			LinkageData.Truth t = truth.get(r.record().key());
			boolean atSchool = t != null && t.inEnrolment() && enrolled.contains(t.iin());
			if (atSchool) {
				findable++;
			}
			if (r.childVerdict() == Link.Verdict.MATCH) {
				links++;
				if (t != null && r.link().pupil().iin().equals(t.iin())) {
					right++;
				}
			}
			clusters.computeIfAbsent(r.clusterKey(), k -> new ArrayList<>()).add(t == null ? "?" : t.iin());
			boolean schoolAge = schoolAge(r.record().birthDate(), census);
			if (t != null && !atSchool && schoolAge) {
				outOfSchool.add(t.iin());
			}
			if (r.primary() && r.childVerdict() == Link.Verdict.NONE && schoolAge(r.childRecord().birthDate(), census)) {
				listed++;
				if (t != null && !atSchool && listedChildren.add(t.iin())) {
					listedRight++;
				}
			}
		}
		// pairs of records of one register that name one child, and those in one cluster
		Map<String, Integer> byChild = new HashMap<>();
		for (ThreeRegisterLinkage.RecordResult r : outcome.results()) {
			LinkageData.Truth t = truth.get(r.record().key());
			if (t != null) {
				byChild.merge(r.record().source() + ":" + t.iin(), 1, Integer::sum);
			}
		}
		long truePairs = byChild.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
		long foundPairs = 0;
		long rightPairs = 0;
		for (List<String> members : clusters.values()) {
			foundPairs += (long) members.size() * (members.size() - 1) / 2;
			Map<String, Integer> same = new HashMap<>();
			members.forEach(m -> same.merge(m, 1, Integer::sum));
			rightPairs += same.entrySet()
				.stream()
				.filter(e -> !e.getKey().equals("?"))
				.mapToLong(e -> (long) e.getValue() * (e.getValue() - 1) / 2)
				.sum();
		}
		int outOfSchoolFound = 0;
		for (String child : listedChildren) {
			if (outOfSchool.contains(child)) {
				outOfSchoolFound++;
			}
		}
		// why a child out of school is not on the list: what its records became
		Map<String, Integer> missed = new java.util.TreeMap<>();
		Set<String> counted = new HashSet<>();
		for (ThreeRegisterLinkage.RecordResult r : outcome.results()) {
			LinkageData.Truth t = truth.get(r.record().key());
			if (t != null && outOfSchool.contains(t.iin()) && !listedChildren.contains(t.iin())
					&& counted.add(t.iin())) {
				String why = r.childVerdict() + (r.childVerdict() == Link.Verdict.REVIEW
						? (r.link().verdict() == Link.Verdict.REVIEW ? " link to review"
								: r.clusterUncertain() ? " possible duplicate" : " possible partner at school")
						: "") + (r.childVerdict() == Link.Verdict.NONE
						? (schoolAge(r.childRecord().birthDate(), census) ? " school age" : " not school age by the"
								+ " record standing for the child")
						: "");
				missed.merge(why, 1, Integer::sum);
			}
		}
		System.out.println("Children out of school not listed, by what their records became: " + missed);
		Map<String, Integer> reviewPatterns = new java.util.TreeMap<>();
		int reviewSame = 0;
		for (RecordPairs.Pair pair : outcome.health().review) {
			LinkageData.Truth a = healthTruth.get(health.get(pair.a()).recordId());
			LinkageData.Truth b = healthTruth.get(health.get(pair.b()).recordId());
			boolean same = a != null && b != null && a.iin().equals(b.iin());
			reviewSame += same ? 1 : 0;
			reviewPatterns.merge((same ? "same " : "other ") + Field.describe(pair.vector()), 1, Integer::sum);
		}
		System.out.println("Health review pairs: " + outcome.health().review.size() + ", same child " + reviewSame);
		reviewPatterns.entrySet()
			.stream()
			.sorted((x, y) -> y.getValue() - x.getValue())
			.limit(12)
			.forEach(e -> System.out.println("  " + e.getValue() + " " + e.getKey()));
		double p = ratio(right, links);
		double rcl = ratio(right, findable);
		System.out.printf(Locale.ROOT, "Links: %d automatic, %d right, %d records whose child is enrolled%n", links,
				right, findable);
		System.out.printf(Locale.ROOT, "Clusters: %d pairs joined, %d right, %d true pairs; %d duplicate pairs joined"
				+ " (health %d, benefit %d), %d children joined across registers%n", foundPairs, rightPairs, truePairs,
				outcome.health().joined.size() + outcome.benefit().joined.size(), outcome.health().joined.size(),
				outcome.benefit().joined.size(), outcome.registerPairs());
		System.out.printf(Locale.ROOT, "Out of school: %d listed, %d right, %d children truly out of school%n", listed,
				listedRight, outOfSchool.size());
		System.out.printf(Locale.ROOT, "Peak heap %d MiB, peak RSS %d MiB%n", heapPeak() >> 20, rssPeak() >> 20);
		System.out.println();
		System.out.println("| data | health | benefit | pupils | load s | link s | link CPU s | peak heap MiB "
				+ "| links | link P | link R | link F1 | cluster P | cluster R | out of school listed | P | R |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT,
				"| %s | %d | %d | %d | %.1f | %.1f | %.1f | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %.4f | %.4f |%n",
				regions == null ? "all" : String.join(" ", regions), health.size(), benefit.size(), pupils.size(),
				loadSeconds, linkSeconds, cpuSeconds, heapPeak() >> 20, links, p, rcl,
				p + rcl == 0 ? 0 : 2 * p * rcl / (p + rcl), ratio(rightPairs, foundPairs), ratio(rightPairs, truePairs),
				listed, ratio(listedRight, listed), ratio(outOfSchoolFound, outOfSchool.size()));
	}

	private static List<RegisterRecord> records(RecordSource source, List<Person> people) {
		List<RegisterRecord> records = new ArrayList<>(people.size());
		for (Person p : people) {
			if (p.birthDate() != null) {
				records.add(new RegisterRecord(source, p.id(), p.iin(), p.surname(), p.givenName(), p.patronymic(),
						p.birthDate(), Sex.valueOf(p.sex()), "/KZ/" + p.region() + "/", null));
			}
		}
		return records;
	}

	private static boolean schoolAge(LocalDate birth, LocalDate census) {
		if (birth == null || birth.isAfter(census)) {
			return false;
		}
		int age = Period.between(birth, census).getYears();
		return age >= Reconciliation.SCHOOL_AGE_FROM && age <= Reconciliation.SCHOOL_AGE_TO;
	}

	private static double ratio(long a, long b) {
		return b == 0 ? 0 : (double) a / b;
	}

	private static long cpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	private static long heapPeak() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	private static long rssPeak() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (java.io.IOException | RuntimeException unreadable) {
			// not Linux: no figure
		}
		return -1;
	}

}
