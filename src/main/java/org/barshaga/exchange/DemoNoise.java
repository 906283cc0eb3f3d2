package org.barshaga.exchange;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.barshaga.kernel.Iin;

/**
 * The errors a register's record of a demo child has, each drawn on its own at the
 * register's rate.
 */
final class DemoNoise {

	/** How often each error occurs in one register. */
	record Rates(double iinMissing, double iinMistyped, double surnameTypo, double folded, double latin,
			double namesSwapped, double patronymicMissing, double dayMonthSwapped) {
	}

	/** The health registry. */
	static final Rates HEALTH = new Rates(0.05, 0.03, 0.03, 0.15, 0.10, 0.03, 0.20, 0.01);

	/**
	 * The social-protection register: names from identity documents, more often in Latin
	 * script; fewer IINs missing or mistyped; day and month of birth swapped more often.
	 */
	static final Rates BENEFITS = new Rates(0.02, 0.02, 0.02, 0.08, 0.25, 0.01, 0.10, 0.03);

	/** Letters confused with one another in handwriting and typing. */
	private static final String[] CONFUSED = { "аоә", "еиэ", "ыіи", "ұүу", "қк", "ғг", "ңн", "өо", "шщ", "сз", "тд",
			"бп", "вф" };

	private final SplittableRandom random;

	private final Rates rates;

	private final LocalDate today;

	DemoNoise(SplittableRandom random, Rates rates, LocalDate today) {
		this.random = random;
		this.rates = rates;
		this.today = today;
	}

	/** The record as the register keeps it, each error drawn on its own. */
	DemoExtracts.Received noisy(DemoExtracts.Child child) {
		DemoExtracts.Received r = new DemoExtracts.Received(child);
		if (random.nextDouble() < rates.iinMissing()) {
			r.iin = null;
		}
		else if (random.nextDouble() < rates.iinMistyped()) {
			r.iin = mistype(child.iin());
		}
		if (random.nextDouble() < rates.surnameTypo()) {
			r.surname = typo(r.surname);
		}
		if (random.nextDouble() < rates.folded()) {
			r.surname = DemoNames.fold(r.surname);
			r.given = DemoNames.fold(r.given);
			r.patronymic = DemoNames.fold(r.patronymic);
		}
		if (random.nextDouble() < rates.latin()) {
			boolean passport = random.nextBoolean();
			boolean capitals = passport && random.nextDouble() < 0.4;
			r.surname = DemoNames.latin(r.surname, passport, capitals);
			r.given = DemoNames.latin(r.given, passport, capitals);
			r.patronymic = DemoNames.latin(r.patronymic, passport, capitals);
		}
		if (random.nextDouble() < rates.namesSwapped()) {
			String given = r.given;
			r.given = r.surname;
			r.surname = given;
		}
		if (random.nextDouble() < rates.patronymicMissing()) {
			r.patronymic = null;
		}
		if (random.nextDouble() < rates.dayMonthSwapped()) {
			int day = r.birth.getDayOfMonth();
			int month = r.birth.getMonthValue();
			if (day <= 12 && day != month) {
				LocalDate swapped = LocalDate.of(r.birth.getYear(), day, month);
				if (swapped.isBefore(today)) {
					r.birth = swapped;
				}
			}
		}
		return r;
	}

	/**
	 * One digit replaced, or two different neighbouring digits swapped; never a valid
	 * IIN, so that a record's valid IIN is always the child's own.
	 */
	String mistype(String iin) {
		for (int attempt = 0; attempt < 50; attempt++) {
			char[] digits = iin.toCharArray();
			if (random.nextBoolean()) {
				int at = random.nextInt(digits.length - 1);
				if (digits[at] == digits[at + 1]) {
					continue;
				}
				char c = digits[at];
				digits[at] = digits[at + 1];
				digits[at + 1] = c;
			}
			else {
				int at = random.nextInt(digits.length);
				digits[at] = (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(9)) % 10);
			}
			String wrong = new String(digits);
			if (!Iin.isValid(wrong)) {
				return wrong;
			}
		}
		return null;
	}

	/**
	 * A letter left out, doubled, swapped with its neighbour or confused with another.
	 */
	String typo(String word) {
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

}
