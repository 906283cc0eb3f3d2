package org.barshaga.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.barshaga.generator.Names.Family;
import org.barshaga.generator.Names.Origin;
import org.barshaga.kernel.Sex;

/**
 * A region's records of the social-protection register's children with a disability who
 * receive the state benefit. It knows nearly the same children as the health extract, but
 * not quite: about 5% of the health extract's children are not in it, and about 5% of its
 * own are not in the health extract (pupils the registry missed, and children unknown to
 * both the schools and the registry). It has errors of its own
 * ({@link RegisterNoise#BENEFITS}), about 1% second records, a district missing or
 * another one now and then, a birth date a day or a month off from the health record's,
 * and a benefit type that disagrees with the child's age or disability group in about 4%
 * of records. Every draw comes from the register's own stream, so that no other file
 * changes.
 */
final class BenefitExtract {

	/** Children of the health extract the benefit register does not have. */
	static final double ABSENT_FROM_BENEFITS = 0.05;

	/** The benefit register's children who are not in the health extract. */
	static final double ABSENT_FROM_HEALTH = 0.05;

	/** Of those, the share who are pupils of the enrolment extract. */
	static final double ABSENT_FROM_HEALTH_IN_SCHOOL = 0.75;

	static final double SECOND_RECORDS = 0.01;

	static final double DISTRICT_MISSING = 0.08;

	static final double OTHER_DISTRICT = 0.03;

	/** A birth date one day or one month off from the true one. */
	static final double BIRTH_OFF = 0.02;

	/** A benefit type that disagrees with the child's age or disability group. */
	static final double TYPE_DISAGREES = 0.04;

	/** A benefit paid to the carer of a child under 16 rather than for the child. */
	static final double CARER = 0.10;

	private static final String[] GROUPS = { "GROUP_1", "GROUP_2", "GROUP_3" };

	/**
	 * A child as the register knows it: the disability group the health extract gives.
	 */
	private record Entry(HealthExtract.Child child, String group) {
	}

	private final Output out;

	private final RegionProfile region;

	private final List<AdminUnitsFile.Unit> places;

	private final LocalDate extractDate;

	private final IinSerials serials;

	private final Family family;

	private final SplittableRandom draws;

	BenefitExtract(Output out, RegionProfile region, List<AdminUnitsFile.Unit> places, LocalDate extractDate,
			IinSerials serials, Family family, SplittableRandom draws) {
		this.out = out;
		this.region = region;
		this.places = places;
		this.extractDate = extractDate;
		this.serials = serials;
		this.family = family;
		this.draws = draws;
	}

	/**
	 * Writes the register from the health extract's children and the pupils with a
	 * disability the health extract missed; the number of records.
	 */
	long write(List<HealthExtract.Recorded> health, List<HealthExtract.Child> missedPupils) {
		List<Entry> entries = new ArrayList<>();
		for (HealthExtract.Recorded recorded : health) {
			if (draws.nextDouble() >= ABSENT_FROM_BENEFITS) {
				entries.add(new Entry(recorded.child(), recorded.group()));
			}
		}
		long unknown = Math.round(entries.size() * ABSENT_FROM_HEALTH / (1 - ABSENT_FROM_HEALTH));
		for (int i = 0; i < missedPupils.size() && i < unknown; i++) {
			HealthExtract.Child pupil = missedPupils.get(i);
			entries.add(new Entry(pupil, group(pupil.birthDate())));
		}
		for (long k = missedPupils.size(); k < unknown; k++) {
			HealthExtract.Child child = unknownChild();
			entries.add(new Entry(child, group(child.birthDate())));
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
		for (Entry entry : entries) {
			record(entry);
		}
		return entries.size();
	}

	private void record(Entry entry) {
		HealthExtract.Child child = entry.child();
		LocalDate latest = extractDate.minusDays(1);
		RegisterNoise noise = RegisterNoise.apply(RegisterNoise.BENEFITS, child.iin(), child.surname(),
				child.givenName(), child.patronymic(), child.birthDate(), latest, draws);
		LocalDate birth = noise.birthDate;
		if (draws.nextDouble() < BIRTH_OFF) {
			LocalDate off = draws.nextBoolean() ? birth.plusDays(draws.nextBoolean() ? 1 : -1)
					: birth.plusMonths(draws.nextBoolean() ? 1 : -1);
			birth = off.isAfter(latest) ? birth.minusDays(1) : off;
		}
		int age = (int) ChronoUnit.YEARS.between(child.birthDate(), extractDate);
		String type = type(age, entry.group());
		// paid from a day the child lived by either birth date, for a group from 16
		LocalDate earliest = later(later(child.birthDate(), birth).plusDays(30),
				type.startsWith("GROUP_") && age >= 16 ? child.birthDate().plusYears(16) : null);
		LocalDate paidFrom = earliest.isAfter(latest) ? later(child.birthDate(), birth)
				: earliest.plusDays(draws.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
		LocalDate paidUntil = paidUntil(type, child.birthDate(), age);
		if (paidUntil != null && paidUntil.isBefore(paidFrom)) {
			paidUntil = null;
		}
		String district = child.district();
		double place = draws.nextDouble();
		if (place < DISTRICT_MISSING) {
			district = null;
		}
		else if (place < DISTRICT_MISSING + OTHER_DISTRICT) {
			district = HealthExtract.otherDistrict(places, district, draws);
		}
		String digits = Long.toString(++out.benefitRecords);
		String recordId = "B" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
		out.benefits.text(recordId)
			.text(noise.iin)
			.text(noise.surname)
			.text(noise.givenName)
			.text(noise.patronymic)
			.date(birth)
			.text(child.sex().name())
			.text(region.code())
			.text(district)
			.text(type)
			.date(paidFrom)
			.date(paidUntil)
			.endRow();
		out.benefitTruth.text(recordId).text(child.iin()).bool(child.inEnrolment()).endRow();
	}

	/**
	 * The benefit for the child's age and group: under 16 the child's benefit (or the
	 * carer's), from 16 the group's; now and then another group, or a group for a child
	 * under 16, as the register's own mistakes.
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

	/**
	 * The end of the payment: a child's benefit at 16, a carer's at 18, a group's when
	 * the group is next reviewed; open in about a third of records.
	 */
	private LocalDate paidUntil(String type, LocalDate birth, int age) {
		if (draws.nextDouble() < 0.3) {
			return null;
		}
		return switch (type) {
			case "CHILD_WITH_DISABILITY" -> birth.plusYears(age < 16 ? 16 : 18).minusDays(1);
			case "CARER" -> birth.plusYears(18).minusDays(1);
			default -> extractDate.plusDays(120 + draws.nextInt(1700));
		};
	}

	/** The disability group the health registry would give a child of this birth date. */
	private String group(LocalDate birth) {
		if (ChronoUnit.YEARS.between(birth, extractDate) < 16) {
			return "CHILD_WITH_DISABILITY";
		}
		double draw = draws.nextDouble();
		return draw < 0.1 ? "GROUP_1" : draw < 0.45 ? "GROUP_2" : draw < 0.8 ? "GROUP_3" : "CHILD_WITH_DISABILITY";
	}

	/** A child with a disability in no school whom the health extract does not have. */
	private HealthExtract.Child unknownChild() {
		double draw = draws.nextDouble();
		Origin origin = draw < 0.8 ? Origin.KAZAKH : draw < 0.93 ? Origin.RUSSIAN : Origin.OTHER;
		family.draw(origin, draws);
		Sex sex = draws.nextDouble() < 0.56 ? Sex.MALE : Sex.FEMALE;
		LocalDate earliest = extractDate.minusYears(18).plusDays(1);
		LocalDate birth = earliest
			.plusDays(draws.nextLong(ChronoUnit.DAYS.between(earliest, extractDate.minusDays(60))));
		String district = places.isEmpty() ? null : places.get(draws.nextInt(places.size())).code();
		return new HealthExtract.Child(serials.next(birth, sex), family.surname(sex), family.given(sex, draws),
				family.patronymic(sex), birth, sex, district, false);
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return b == null || a.isAfter(b) ? a : b;
	}

}
