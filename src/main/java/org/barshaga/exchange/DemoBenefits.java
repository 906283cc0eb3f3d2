package org.barshaga.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.exchange.DemoExtracts.Child;
import org.barshaga.exchange.DemoExtracts.HealthChild;
import org.barshaga.exchange.DemoExtracts.Received;

/**
 * The demo's extract of the social-protection register, as a file in the
 * {@code social_benefits} layout for the importer: nearly the health registry's children,
 * but not quite (about 5% of them missing, and about 5% of its own pupils the health
 * registry does not have), with the register's own errors ({@link DemoNoise#BENEFITS}),
 * about 1% second records, a district missing or another one of the region now and then,
 * a birth date a day or a month off, and a benefit type that disagrees with the child's
 * age or disability group in about 4% of records.
 */
final class DemoBenefits {

	static final String RECORD_PREFIX = "DEMO-B";

	private static final double ABSENT_FROM_BENEFITS = 0.05, ABSENT_FROM_HEALTH = 0.05, SECOND_RECORDS = 0.01,
			DISTRICT_MISSING = 0.08, OTHER_DISTRICT = 0.03, BIRTH_OFF = 0.02, TYPE_DISAGREES = 0.04, CARER = 0.10;

	private static final String[] GROUPS = { "GROUP_1", "GROUP_2", "GROUP_3" };

	/**
	 * A child as the register knows it, with the district and group of the health record.
	 */
	private record Entry(Child child, String district, String group) {
	}

	private final SplittableRandom draws;

	private final DemoNoise noise;

	private final int year;

	private final LocalDate today;

	private final LocalDate census;

	private Path file;

	/** The other districts of each demo district's region. */
	private Map<String, List<String>> otherDistricts = Map.of();

	DemoBenefits(SplittableRandom draws, int year, LocalDate today) {
		this.draws = draws;
		this.noise = new DemoNoise(draws, DemoNoise.BENEFITS, today);
		this.year = year;
		this.today = today;
		this.census = LocalDate.of(year, 10, 1);
	}

	Path file() {
		return file;
	}

	/**
	 * Writes the extract for the health registry's children and the district's other
	 * pupils, from whom the children the health registry misses are drawn.
	 */
	void write(List<HealthChild> health, Map<String, List<Child>> pupils, Map<String, String> regions,
			Map<String, List<String>> otherDistricts) {
		this.otherDistricts = otherDistricts;
		Set<String> inHealth = new HashSet<>();
		List<Entry> entries = new ArrayList<>();
		for (HealthChild h : health) {
			inHealth.add(h.child().iin());
			if (draws.nextDouble() >= ABSENT_FROM_BENEFITS) {
				entries.add(new Entry(h.child(), h.district(), h.group()));
			}
		}
		List<Entry> missed = new ArrayList<>();
		pupils.forEach((district, children) -> children.stream()
			.filter(child -> !inHealth.contains(child.iin()))
			.forEach(child -> missed.add(new Entry(child, district, "CHILD_WITH_DISABILITY"))));
		long wanted = Math.round(entries.size() * ABSENT_FROM_HEALTH / (1 - ABSENT_FROM_HEALTH));
		for (int i = 0, taken = 0; i < missed.size() && taken < wanted; i++) {
			// each pupil is drawn with the share still needed of those left
			if (draws.nextInt(missed.size() - i) < wanted - taken) {
				entries.add(missed.get(i));
				taken++;
			}
		}
		int firsts = entries.size();
		for (int i = 0; i < firsts; i++) {
			if (draws.nextDouble() < SECOND_RECORDS) {
				entries.add(entries.get(i));
			}
		}
		for (int i = entries.size() - 1; i > 0; i--) {
			int j = draws.nextInt(i + 1);
			Entry t = entries.get(i);
			entries.set(i, entries.get(j));
			entries.set(j, t);
		}
		try {
			file = Files.createTempFile("barshaga-demo-benefits", ".csv");
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write(SocialBenefitsExchange.LAYOUT.headerLine());
				out.write("\r\n");
				StringBuilder scratch = new StringBuilder();
				int number = 0;
				for (Entry entry : entries) {
					Csv.writeRow(out, row(String.format(Locale.ROOT, "%s%d-%05d", RECORD_PREFIX, year, ++number), entry,
							regions.get(entry.district())), scratch);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String[] row(String recordId, Entry entry, String region) {
		Child child = entry.child();
		Received r = noise.noisy(child);
		if (draws.nextDouble() < BIRTH_OFF) {
			LocalDate off = draws.nextBoolean() ? r.birth.plusDays(draws.nextBoolean() ? 1 : -1)
					: r.birth.plusMonths(draws.nextBoolean() ? 1 : -1);
			if (off.isBefore(today)) {
				r.birth = off;
			}
		}
		int age = (int) ChronoUnit.YEARS.between(child.birth(), census);
		String type = type(age, entry.group());
		LocalDate born = r.birth.isAfter(child.birth()) ? r.birth : child.birth();
		LocalDate earliest = born.plusDays(30);
		if (type.startsWith("GROUP_") && age >= 16 && earliest.isBefore(child.birth().plusYears(16))) {
			earliest = child.birth().plusYears(16);
		}
		LocalDate latest = today.minusDays(1);
		LocalDate paidFrom = earliest.isAfter(latest) ? born
				: earliest.plusDays(draws.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
		LocalDate paidUntil = null;
		if (draws.nextDouble() >= 0.3) {
			paidUntil = switch (type) {
				case "CHILD_WITH_DISABILITY" -> child.birth().plusYears(age < 16 ? 16 : 18).minusDays(1);
				case "CARER" -> child.birth().plusYears(18).minusDays(1);
				default -> census.plusDays(120 + draws.nextInt(1700));
			};
			if (paidUntil.isBefore(paidFrom)) {
				paidUntil = null;
			}
		}
		String district = entry.district();
		double place = draws.nextDouble();
		List<String> others = otherDistricts.getOrDefault(district, List.of());
		if (place < DISTRICT_MISSING) {
			district = "";
		}
		else if (place < DISTRICT_MISSING + OTHER_DISTRICT && !others.isEmpty()) {
			district = others.get(draws.nextInt(others.size()));
		}
		return new String[] { recordId, r.iin == null ? "" : r.iin, r.surname, r.given,
				r.patronymic == null ? "" : r.patronymic, r.birth.toString(), child.sex().name(), region, district,
				type, paidFrom.toString(), paidUntil == null ? "" : paidUntil.toString() };
	}

	/**
	 * The child's benefit under 16 (or the carer's), the group's from 16; now and then
	 * another group, or a group for a child under 16.
	 */
	private String type(int age, String group) {
		if (draws.nextDouble() < TYPE_DISAGREES) {
			if (age < 16 || !group.startsWith("GROUP_")) {
				return GROUPS[draws.nextInt(GROUPS.length)];
			}
			String other;
			do {
				other = GROUPS[draws.nextInt(GROUPS.length)];
			}
			while (other.equals(group));
			return other;
		}
		if (age < 16) {
			return draws.nextDouble() < CARER ? "CARER" : "CHILD_WITH_DISABILITY";
		}
		return group;
	}

}
