package org.barshaga.exchange;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.exchange.DemoNames.Origin;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;

/**
 * The demo's children, drawn one by one: a unique IIN and a full name no other child of
 * that birth date has, a grade, a language, a birth date for an age.
 */
final class DemoPeople {

	final SplittableRandom random;

	private final Set<String> iins;

	/**
	 * Full names with the birth date, kept apart so that no two children are namesakes.
	 */
	private final Set<String> names;

	private final int year;

	private final LocalDate today;

	/** The census day of the extracts. */
	private final LocalDate census;

	DemoPeople(SplittableRandom random, Set<String> iins, Set<String> names, int year, LocalDate today) {
		this.random = random;
		this.iins = iins;
		this.names = names;
		this.year = year;
		this.today = today;
		this.census = LocalDate.of(year, 10, 1);
	}

	/**
	 * Twins: the second with the first's surname, patronymic and birth date, and with the
	 * next IIN serial when they were registered together.
	 */
	DemoExtracts.Child[] pair(Origin origin, Sex first, Sex second, LocalDate birth, boolean together) {
		DemoExtracts.Child a;
		do {
			a = child(origin, first, birth);
		}
		while (a.patronymic() == null);
		String father = DemoNames.fatherOf(a.patronymic());
		String surname = DemoNames.surnameFor(DemoNames.masculine(a.surname(), first), second);
		String given;
		String key;
		do {
			given = givenName(origin, second);
			key = surname + " " + given + " " + DemoNames.patronymic(father, second, origin) + " " + birth;
		}
		while (given.equals(a.given()) || !names.add(key));
		String patronymic = DemoNames.patronymic(father, second, origin);
		int serial = together ? Integer.parseInt(a.iin().substring(7, 11)) : random.nextInt(10000);
		String iin;
		do {
			serial = (serial + 1) % 10000;
			iin = Iin.of(birth, second, serial);
		}
		while (!iins.add(iin));
		return new DemoExtracts.Child[] { a, new DemoExtracts.Child(iin, surname, given, patronymic, birth, second) };
	}

	/**
	 * A child with a unique IIN and a full name no other child of that birth date has.
	 */
	DemoExtracts.Child child(Origin origin, Sex sex, LocalDate birth) {
		String surname;
		String given;
		String patronymic;
		do {
			surname = DemoNames.surnameFor(pick(DemoNames.surnames(origin)), sex);
			given = givenName(origin, sex);
			patronymic = random.nextDouble() < 0.03 ? null : DemoNames.patronymic(father(origin), sex, origin);
		}
		while (!names.add(surname + " " + given + " " + patronymic + " " + birth));
		int serial = random.nextInt(10000);
		String iin;
		do {
			iin = Iin.of(birth, sex, serial);
			serial = (serial + 1) % 10000;
		}
		while (!iins.add(iin));
		return new DemoExtracts.Child(iin, surname, given, patronymic, birth, sex);
	}

	String givenName(Origin origin, Sex sex) {
		return pick(DemoNames.givenNames(origin, sex));
	}

	String father(Origin origin) {
		return pick(DemoNames.fathers(origin));
	}

	Origin origin(DemoExtracts.School school) {
		double draw = random.nextDouble();
		if (school.unit().startsWith("KZ-75")) {
			return draw < 0.62 ? Origin.KAZAKH : draw < 0.97 ? Origin.RUSSIAN : Origin.UZBEK;
		}
		if (school.teaches("UZ")) {
			return draw < 0.45 ? Origin.UZBEK : draw < 0.98 ? Origin.KAZAKH : Origin.RUSSIAN;
		}
		return draw < 0.92 ? Origin.KAZAKH : draw < 0.97 ? Origin.UZBEK : Origin.RUSSIAN;
	}

	String language(DemoExtracts.School school, Origin origin) {
		String wanted = switch (origin) {
			case RUSSIAN -> "RU";
			case UZBEK -> "UZ";
			case KAZAKH -> school.teaches("RU") && random.nextDouble() < 0.35 ? "RU" : "KK";
		};
		return school.teaches(wanted) ? wanted : school.languages()[0];
	}

	int grade() {
		double draw = random.nextDouble() * 10.2;
		return draw < 9 ? 1 + (int) draw : draw < 9.6 ? 10 : 11;
	}

	/**
	 * Born in the grade's cohort (age grade + 5 on 1 September); a few a year older.
	 */
	LocalDate birthIn(int grade) {
		LocalDate birth = LocalDate.of(year - grade - 6, 9, 2).plusDays(random.nextInt(365));
		return random.nextDouble() < 0.03 ? birth.minusYears(1) : birth;
	}

	/** Aged from {@code from} to {@code to} on 1 September, and born before today. */
	LocalDate birthAged(int from, int to) {
		LocalDate first = LocalDate.of(year - to - 1, 9, 2);
		LocalDate last = LocalDate.of(year - from, 9, 1);
		if (!last.isBefore(today)) {
			last = today.minusDays(30);
		}
		return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
	}

	/** The disability group the health registry gives a child of that age. */
	String group(DemoExtracts.Child child) {
		int age = (int) ChronoUnit.YEARS.between(child.birth(), census);
		if (age >= 16) {
			double draw = random.nextDouble();
			return draw < 0.1 ? "GROUP_1" : draw < 0.45 ? "GROUP_2" : draw < 0.8 ? "GROUP_3" : "CHILD_WITH_DISABILITY";
		}
		return "CHILD_WITH_DISABILITY";
	}

	String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}

}
