package org.barshaga.generator;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;

import org.barshaga.kernel.Sex;

/**
 * People's names drawn with Zipf-like frequencies (the first names of each list are far
 * more common than the last), so that a few surnames such as Ахметов are very common, as
 * they are in the country. A family shares the surname root and the father's name; forms
 * for sons and daughters follow the conventions of each naming tradition.
 */
final class Names {

	/** The naming tradition of a family. */
	enum Origin {

		KAZAKH, RUSSIAN, OTHER

	}

	/** A list of names with the cumulative weights of its Zipf-like distribution. */
	static final class Table {

		final String[] values;

		private final double[] cumulative;

		Table(String text, double exponent) {
			this(split(text), exponent);
		}

		Table(String[] values, double exponent) {
			this.values = values;
			this.cumulative = new double[values.length];
			double sum = 0;
			for (int i = 0; i < values.length; i++) {
				sum += 1 / StrictMath.pow(i + 1, exponent);
				cumulative[i] = sum;
			}
			for (int i = 0; i < values.length; i++) {
				cumulative[i] /= sum;
			}
		}

		int pick(SplittableRandom random) {
			int at = Arrays.binarySearch(cumulative, random.nextDouble());
			return Math.min(values.length - 1, at >= 0 ? at : -at - 1);
		}

		int size() {
			return values.length;
		}

	}

	/** The names of one tradition, with the forms for both sexes prepared once. */
	static final class Tradition {

		final Table surnames;

		final String[] femaleSurnames;

		final Table male;

		final Table female;

		final Table fathers;

		final String[] sonPatronymics;

		final String[] daughterPatronymics;

		/** Russian-style patronymics of Kazakh fathers (-ович, -овна), or null. */
		final String[] sonRussianStyle;

		final String[] daughterRussianStyle;

		/** Surnames formed from the grandfather's name (-ұлы, -қызы), or null. */
		final String[] sonSurnamesFromName;

		final String[] daughterSurnamesFromName;

		Tradition(Origin origin) {
			switch (origin) {
				case KAZAKH -> {
					surnames = new Table(NameLists.KAZAKH_SURNAMES, 0.5);
					male = new Table(NameLists.KAZAKH_MALE, 0.6);
					female = new Table(NameLists.KAZAKH_FEMALE, 0.6);
					fathers = new Table(NameLists.KAZAKH_FATHERS, 0.6);
				}
				case RUSSIAN -> {
					surnames = new Table(NameLists.RUSSIAN_SURNAMES, 0.5);
					male = new Table(NameLists.RUSSIAN_MALE, 0.8);
					female = new Table(NameLists.RUSSIAN_FEMALE, 0.8);
					fathers = new Table(NameLists.RUSSIAN_PATRONYMIC_STEMS, 0.6);
				}
				default -> {
					surnames = new Table(NameLists.OTHER_SURNAMES, 0.5);
					male = new Table(NameLists.OTHER_MALE, 0.6);
					female = new Table(NameLists.OTHER_FEMALE, 0.6);
					fathers = new Table(NameLists.OTHER_FATHERS, 0.6);
				}
			}
			femaleSurnames = map(surnames.values, Names::feminine);
			int n = fathers.size();
			sonPatronymics = new String[n];
			daughterPatronymics = new String[n];
			for (int i = 0; i < n; i++) {
				String father = fathers.values[i];
				if (origin == Origin.KAZAKH) {
					sonPatronymics[i] = father + "ұлы";
					daughterPatronymics[i] = father + "қызы";
				}
				else if (origin == Origin.RUSSIAN) {
					sonPatronymics[i] = father + "ич";
					daughterPatronymics[i] = father + "на";
				}
				else {
					sonPatronymics[i] = russianStyle(father, true);
					daughterPatronymics[i] = russianStyle(father, false);
				}
			}
			if (origin == Origin.KAZAKH) {
				sonRussianStyle = map(fathers.values, f -> russianStyle(Romanisation.fold(f), true));
				daughterRussianStyle = map(fathers.values, f -> russianStyle(Romanisation.fold(f), false));
				sonSurnamesFromName = map(fathers.values, f -> f + "ұлы");
				daughterSurnamesFromName = map(fathers.values, f -> f + "қызы");
			}
			else {
				sonRussianStyle = null;
				daughterRussianStyle = null;
				sonSurnamesFromName = null;
				daughterSurnamesFromName = null;
			}
		}

	}

	private static final Tradition[] TRADITIONS = { new Tradition(Origin.KAZAKH), new Tradition(Origin.RUSSIAN),
			new Tradition(Origin.OTHER) };

	/** What the members of one family share. */
	static final class Family {

		Origin origin;

		int surname;

		/** Surname formed from a name (-ұлы, -қызы) rather than a root. */
		boolean surnameFromName;

		int father;

		/** 0 the tradition's own patronymic, 1 Russian-style, 2 none. */
		int patronymicStyle;

		void draw(Origin origin, SplittableRandom random) {
			Tradition t = tradition(origin);
			this.origin = origin;
			surnameFromName = origin == Origin.KAZAKH && random.nextDouble() < 0.04;
			surname = surnameFromName ? t.fathers.pick(random) : t.surnames.pick(random);
			father = t.fathers.pick(random);
			double style = random.nextDouble();
			patronymicStyle = switch (origin) {
				case KAZAKH -> style < 0.03 ? 2 : style < 0.6 ? 0 : 1;
				case RUSSIAN -> style < 0.02 ? 2 : 0;
				default -> style < 0.15 ? 2 : 0;
			};
		}

		String surname(Sex sex) {
			Tradition t = tradition(origin);
			if (surnameFromName) {
				return sex == Sex.MALE ? t.sonSurnamesFromName[surname] : t.daughterSurnamesFromName[surname];
			}
			return sex == Sex.MALE ? t.surnames.values[surname] : t.femaleSurnames[surname];
		}

		String patronymic(Sex sex) {
			Tradition t = tradition(origin);
			return switch (patronymicStyle) {
				case 0 -> sex == Sex.MALE ? t.sonPatronymics[father] : t.daughterPatronymics[father];
				case 1 -> sex == Sex.MALE ? t.sonRussianStyle[father] : t.daughterRussianStyle[father];
				default -> null;
			};
		}

		String given(Sex sex, SplittableRandom random) {
			Table names = sex == Sex.MALE ? tradition(origin).male : tradition(origin).female;
			return names.values[names.pick(random)];
		}

		/** A given name different from {@code other}, for a twin. */
		String givenOtherThan(Sex sex, String other, SplittableRandom random) {
			String name = given(sex, random);
			for (int i = 0; i < 20 && name.equals(other); i++) {
				name = given(sex, random);
			}
			if (name.equals(other)) {
				Table names = sex == Sex.MALE ? tradition(origin).male : tradition(origin).female;
				name = names.values[names.values[0].equals(other) ? 1 : 0];
			}
			return name;
		}

	}

	/** An adult's full name (surname, given name, patronymic), for staff. */
	static String adultFullName(Origin origin, Sex sex, SplittableRandom random) {
		Family family = new Family();
		family.draw(origin, random);
		String given;
		if (sex == Sex.MALE && origin != Origin.RUSSIAN) {
			// the fathers' names are the names of the parents' generation
			Table fathers = tradition(origin).fathers;
			given = fathers.values[fathers.pick(random)];
		}
		else {
			given = family.given(sex, random);
		}
		String patronymic = family.patronymic(sex);
		StringBuilder name = new StringBuilder(48).append(family.surname(sex)).append(' ').append(given);
		if (patronymic != null) {
			name.append(' ').append(patronymic);
		}
		return name.toString();
	}

	static Tradition tradition(Origin origin) {
		return TRADITIONS[origin.ordinal()];
	}

	/** The feminine form of a masculine surname. */
	static String feminine(String surname) {
		if (surname.endsWith("ский") || surname.endsWith("цкий")) {
			return surname.substring(0, surname.length() - 2) + "ая";
		}
		if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") || surname.endsWith("ин")
				|| surname.endsWith("ын")) {
			return surname + "а";
		}
		return surname;
	}

	/** A Russian-style patronymic from a father's name: Серик, Серикович, Сериковна. */
	static String russianStyle(String father, boolean son) {
		char last = father.charAt(father.length() - 1);
		String stem;
		if (last == 'й') {
			stem = father.substring(0, father.length() - 1) + "ев";
		}
		else if ("аеиоуыэюяәөүұі".indexOf(last) >= 0) {
			stem = father + "ев";
		}
		else {
			stem = father + "ов";
		}
		return stem + (son ? "ич" : "на");
	}

	private static String[] split(String text) {
		LinkedHashSet<String> unique = new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
		return unique.toArray(String[]::new);
	}

	private static String[] map(String[] values, java.util.function.UnaryOperator<String> function) {
		String[] mapped = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			mapped[i] = function.apply(values[i]);
		}
		return mapped;
	}

	private Names() {
	}

}
