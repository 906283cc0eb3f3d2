package org.barshaga.generator;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The errors of a record as another ministry's register keeps it, each drawn
 * independently at the register's own rate: the IIN missing or mistyped, names in Latin
 * script or with the Kazakh letters folded, the patronymic missing, given name and
 * surname swapped, a typo in the surname, day and month of birth swapped.
 */
final class RegisterNoise {

	/**
	 * How often each error occurs in one register. Latin names are half in the passport
	 * style, and {@code morePassport} of the others too.
	 */
	record Rates(double iinMissing, double iinMistyped, double latin, double morePassport, double folded,
			double patronymicMissing, double namesSwapped, double surnameTypo, double dayMonthSwapped) {
	}

	/** The health registry's extract. */
	static final Rates HEALTH = new Rates(0.05, 0.03, 0.10, 0, 0.15, 0.20, 0.03, 0.03, 0.01);

	/**
	 * The social-protection register: names copied from identity documents, so more often
	 * in the passport's Latin spelling and less often folded, fewer IINs missing or
	 * mistyped (the benefit is paid by IIN), but day and month of birth swapped more
	 * often.
	 */
	static final Rates BENEFITS = new Rates(0.02, 0.02, 0.25, 0.6, 0.08, 0.10, 0.01, 0.02, 0.03);

	/** Letters that are confused with one another in handwriting and typing. */
	private static final String[] CONFUSED = { "аоә", "еиэ", "ыіи", "ұүу", "қк", "ғг", "ңн", "өо", "шщ", "сз", "тд",
			"бп", "вф" };

	String iin;

	String surname;

	String givenName;

	String patronymic;

	LocalDate birthDate;

	private RegisterNoise() {
	}

	/** The record as received, for a child with the true values given. */
	static RegisterNoise apply(Rates rates, String iin, String surname, String givenName, String patronymic,
			LocalDate birthDate, LocalDate latest, SplittableRandom random) {
		RegisterNoise record = new RegisterNoise();
		record.iin = iin;
		if (random.nextDouble() < rates.iinMissing()) {
			record.iin = null;
		}
		else if (random.nextDouble() < rates.iinMistyped()) {
			record.iin = mistype(iin, random);
		}
		if (random.nextDouble() < rates.surnameTypo()) {
			surname = typo(surname, random);
		}
		if (random.nextDouble() < rates.folded()) {
			surname = Romanisation.fold(surname);
			givenName = Romanisation.fold(givenName);
			patronymic = Romanisation.fold(patronymic);
		}
		if (random.nextDouble() < rates.latin()) {
			boolean passport = random.nextBoolean()
					|| rates.morePassport() > 0 && random.nextDouble() < rates.morePassport();
			boolean capitals = passport && random.nextDouble() < 0.4;
			surname = latin(surname, passport, capitals);
			givenName = latin(givenName, passport, capitals);
			patronymic = latin(patronymic, passport, capitals);
		}
		if (random.nextDouble() < rates.namesSwapped()) {
			String given = givenName;
			givenName = surname;
			surname = given;
		}
		if (random.nextDouble() < rates.patronymicMissing()) {
			patronymic = null;
		}
		record.surname = surname;
		record.givenName = givenName;
		record.patronymic = patronymic;
		record.birthDate = birthDate;
		if (random.nextDouble() < rates.dayMonthSwapped()) {
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
