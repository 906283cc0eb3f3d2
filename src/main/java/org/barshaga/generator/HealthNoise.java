package org.barshaga.generator;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The errors of a record as the health registry keeps it, each drawn independently at a
 * realistic rate: the IIN missing or mistyped, names in Latin script or with the Kazakh
 * letters folded, the patronymic missing, given name and surname swapped, a typo in the
 * surname, day and month of birth swapped.
 */
final class HealthNoise {

	static final double IIN_MISSING = 0.05;

	static final double IIN_MISTYPED = 0.03;

	static final double LATIN = 0.10;

	static final double FOLDED = 0.15;

	static final double PATRONYMIC_MISSING = 0.20;

	static final double NAMES_SWAPPED = 0.03;

	static final double SURNAME_TYPO = 0.03;

	static final double DAY_MONTH_SWAPPED = 0.01;

	/** Letters that are confused with one another in handwriting and typing. */
	private static final String[] CONFUSED = { "аоә", "еиэ", "ыіи", "ұүу", "қк", "ғг", "ңн", "өо", "шщ", "сз", "тд",
			"бп", "вф" };

	String iin;

	String surname;

	String givenName;

	String patronymic;

	LocalDate birthDate;

	private HealthNoise() {
	}

	/** The record as received, for a child with the true values given. */
	static HealthNoise apply(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
			LocalDate latest, SplittableRandom random) {
		HealthNoise record = new HealthNoise();
		record.iin = iin;
		if (random.nextDouble() < IIN_MISSING) {
			record.iin = null;
		}
		else if (random.nextDouble() < IIN_MISTYPED) {
			record.iin = mistype(iin, random);
		}
		if (random.nextDouble() < SURNAME_TYPO) {
			surname = typo(surname, random);
		}
		if (random.nextDouble() < FOLDED) {
			surname = Romanisation.fold(surname);
			givenName = Romanisation.fold(givenName);
			patronymic = Romanisation.fold(patronymic);
		}
		if (random.nextDouble() < LATIN) {
			boolean passport = random.nextBoolean();
			boolean capitals = passport && random.nextDouble() < 0.4;
			surname = latin(surname, passport, capitals);
			givenName = latin(givenName, passport, capitals);
			patronymic = latin(patronymic, passport, capitals);
		}
		if (random.nextDouble() < NAMES_SWAPPED) {
			String given = givenName;
			givenName = surname;
			surname = given;
		}
		if (random.nextDouble() < PATRONYMIC_MISSING) {
			patronymic = null;
		}
		record.surname = surname;
		record.givenName = givenName;
		record.patronymic = patronymic;
		record.birthDate = birthDate;
		if (random.nextDouble() < DAY_MONTH_SWAPPED) {
			int day = birthDate.getDayOfMonth();
			int month = birthDate.getMonthValue();
			if (day <= 12 && day != month) {
				LocalDate swapped = LocalDate.of(birthDate.getYear(), day, month);
				if (!swapped.isAfter(latest)) {
					record.birthDate = swapped;
				}
			}
		}
		return record;
	}

	/** One digit replaced, or two different neighbouring digits swapped. */
	static String mistype(String iin, SplittableRandom random) {
		char[] digits = iin.toCharArray();
		if (random.nextBoolean()) {
			for (int attempt = 0; attempt < 20; attempt++) {
				int at = random.nextInt(digits.length - 1);
				if (digits[at] != digits[at + 1]) {
					char c = digits[at];
					digits[at] = digits[at + 1];
					digits[at + 1] = c;
					return new String(digits);
				}
			}
		}
		int at = random.nextInt(digits.length);
		digits[at] = (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(9)) % 10);
		return new String(digits);
	}

	/**
	 * A letter left out, doubled, swapped with its neighbour or confused with another.
	 */
	static String typo(String word, SplittableRandom random) {
		if (word == null || word.length() < 4) {
			return word;
		}
		StringBuilder s = new StringBuilder(word);
		int at = 1 + random.nextInt(word.length() - 2);
		switch (random.nextInt(4)) {
			case 0 -> s.deleteCharAt(at);
			case 1 -> s.insert(at, s.charAt(at));
			case 2 -> {
				char c = s.charAt(at);
				s.setCharAt(at, s.charAt(at + 1));
				s.setCharAt(at + 1, c);
			}
			default -> {
				for (String group : CONFUSED) {
					int in = group.indexOf(s.charAt(at));
					if (in >= 0) {
						s.setCharAt(at, group.charAt((in + 1) % group.length()));
						break;
					}
				}
			}
		}
		String result = s.toString();
		return result.equals(word) ? word.substring(0, at) + word.substring(at + 1) : result;
	}

	private static String latin(String text, boolean passport, boolean capitals) {
		if (text == null) {
			return null;
		}
		String latin = passport ? Romanisation.passport(text) : Romanisation.latin2021(text);
		return capitals ? latin.toUpperCase(Locale.ROOT) : latin;
	}

}
