package org.barshaga.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.barshaga.kernel.Sex;

/**
 * A region's records of the health registry's extract, shuffled, with the registry's
 * errors ({@link RegisterNoise#HEALTH}); and about 1% second records of a child already
 * in it, registered again under another spelling. Second records are drawn from a stream
 * of their own and written after every region's first records, so that adding them
 * changed no first record, not even its id.
 */
final class HealthExtract {

	/** Children with a second record, per child of the extract. */
	static final double SECOND_RECORDS = 0.01;

	/** Second records placed in another district of the region, per second record. */
	static final double SECOND_ELSEWHERE = 0.3;

	/**
	 * A child as the registers should know it, before their own errors; the district is
	 * the one of residence (of the polyclinic the child is attached to).
	 */
	record Child(String iin, String surname, String givenName, String patronymic, LocalDate birthDate, Sex sex,
			String district, boolean inEnrolment) {
	}

	/** A child as the extract's first record has it: the disability group. */
	record Recorded(Child child, String group) {
	}

	/**
	 * A second record, its id given when it is written after every region's first ones.
	 */
	record Second(String[] cells, String trueIin, boolean inEnrolment) {
	}

	private final Output out;

	private final RegionProfile region;

	private final List<AdminUnitsFile.Unit> places;

	private final LocalDate extractDate;

	private final SplittableRandom random;

	private final SplittableRandom seconds;

	/**
	 * @param random the region's stream, which the first records have always drawn from
	 * @param seconds the stream of the second records
	 */
	HealthExtract(Output out, RegionProfile region, List<AdminUnitsFile.Unit> places, LocalDate extractDate,
			SplittableRandom random, SplittableRandom seconds) {
		this.out = out;
		this.region = region;
		this.places = places;
		this.extractDate = extractDate;
		this.random = random;
		this.seconds = seconds;
	}

	/**
	 * Writes the first records and keeps the second ones for later; the children
	 * recorded.
	 */
	List<Recorded> write(List<Child> health) {
		for (int i = health.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			Child t = health.get(i);
			health.set(i, health.get(j));
			health.set(j, t);
		}
		List<Recorded> recorded = new ArrayList<>(health.size());
		for (Child child : health) {
			RegisterNoise record = RegisterNoise.apply(RegisterNoise.HEALTH, child.iin(), child.surname(),
					child.givenName(), child.patronymic(), child.birthDate(), extractDate.minusDays(1), random);
			String recordId = nextId(out);
			int age = (int) ChronoUnit.YEARS.between(child.birthDate(), extractDate);
			String group = "CHILD_WITH_DISABILITY";
			if (age >= 16) {
				double draw = random.nextDouble();
				group = draw < 0.1 ? "GROUP_1" : draw < 0.45 ? "GROUP_2" : draw < 0.8 ? "GROUP_3" : group;
			}
			LocalDate validUntil = validUntil(child, group, random);
			// a record placed in a neighbouring region names no district
			boolean neighbour = random.nextDouble() < 0.02;
			String regionCode = neighbour ? region.neighbours().get(random.nextInt(region.neighbours().size()))
					: region.code();
			out.health.text(recordId)
				.text(record.iin)
				.text(record.surname)
				.text(record.givenName)
				.text(record.patronymic)
				.date(record.birthDate)
				.text(child.sex().name())
				.text(regionCode)
				.text(neighbour ? null : child.district())
				.text(group)
				.date(validUntil)
				.endRow();
			out.healthTruth.text(recordId).text(child.iin()).bool(child.inEnrolment()).endRow();
			recorded.add(new Recorded(child, group));
			if (seconds.nextDouble() < SECOND_RECORDS) {
				out.secondHealthRecords.add(second(child, group));
			}
		}
		return recorded;
	}

	/**
	 * The child registered again: the same group, the registry's errors drawn anew, and
	 * sometimes the district of another polyclinic of the region.
	 */
	private Second second(Child child, String group) {
		RegisterNoise record = RegisterNoise.apply(RegisterNoise.HEALTH, child.iin(), child.surname(),
				child.givenName(), child.patronymic(), child.birthDate(), extractDate.minusDays(1), seconds);
		String district = seconds.nextDouble() < SECOND_ELSEWHERE ? otherDistrict(places, child.district(), seconds)
				: child.district();
		LocalDate validUntil = validUntil(child, group, seconds);
		String[] cells = { record.iin, record.surname, record.givenName, record.patronymic, record.birthDate.toString(),
				child.sex().name(), region.code(), district, group, validUntil.toString() };
		return new Second(cells, child.iin(), child.inEnrolment());
	}

	/** Another district, city or city district of the region, when it has one. */
	static String otherDistrict(List<AdminUnitsFile.Unit> places, String district, SplittableRandom draws) {
		if (places.size() < 2) {
			return district;
		}
		String other;
		do {
			other = places.get(draws.nextInt(places.size())).code();
		}
		while (other.equals(district));
		return other;
	}

	/**
	 * The disability is established beyond the census date, for a child at most until the
	 * 18th birthday.
	 */
	private LocalDate validUntil(Child child, String group, SplittableRandom draws) {
		LocalDate validUntil = extractDate.plusDays(120 + draws.nextInt(1700));
		LocalDate adult = child.birthDate().plusYears(18);
		if (group.equals("CHILD_WITH_DISABILITY") && validUntil.isAfter(adult)
				&& adult.isAfter(extractDate.plusDays(120))) {
			validUntil = adult;
		}
		return validUntil;
	}

	/** Writes every region's second records, numbered after all first records. */
	static void writeSecondRecords(Output out) {
		for (Second second : out.secondHealthRecords) {
			String recordId = nextId(out);
			out.health.text(recordId);
			for (String cell : second.cells()) {
				out.health.text(cell);
			}
			out.health.endRow();
			out.healthTruth.text(recordId).text(second.trueIin()).bool(second.inEnrolment()).endRow();
		}
		out.secondHealthRecords.clear();
	}

	private static String nextId(Output out) {
		String digits = Long.toString(++out.healthRecords);
		return "H" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
	}

}
