package org.barshaga.kernel;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kazakhstan's individual identification number (IIN): twelve digits, {@code YYMMDD}
 * birth date, one century-and-sex digit (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd male,
 * even female), a four-digit serial and a check digit. The check digit is the sum of the
 * first eleven digits weighted 1..11, modulo 11; when that is 10 the weights 3..11,1,2
 * are used instead, and when that is 10 again the number can never be valid.
 * <p>
 * Sources: Government Decree No. 565 of 11 June 2003 (rules for forming IINs); public
 * validators such as <a href="https://github.com/valery1707/kaz-person-id">
 * valery1707/kaz-person-id</a>.
 * <p>
 * The check catches most but not all single typos: the first weight of the eleventh digit
 * is 11, so a wrong eleventh digit goes unnoticed whenever the first weights decide, and
 * an edit that moves the number from one weight set to the other can pass by chance.
 * {@link #corrections} lists candidates, not the answer.
 */
public final class Iin {

	/**
	 * Why a string is not a valid IIN. Checks run in the order format, century, birth
	 * date, check digit, and only the first failure is reported.
	 */
	public enum Problem {

		/** Null, or not exactly twelve ASCII digits. */
		FORMAT,
		/** The first six digits are not a real calendar date in the century. */
		BIRTH_DATE,
		/** The seventh digit is 0 or 7-9. */
		CENTURY,
		/** The check digit does not match, or the number can never be valid. */
		CHECK_DIGIT

	}

	private static final int LENGTH = 12;

	private static final int[] FIRST_WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	private static final int[] SECOND_WEIGHTS = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

	/** What {@link #checkDigit} returns when both weight sets give 10. */
	private static final int IMPOSSIBLE = 10;

	private Iin() {
	}

	public static Optional<Problem> problem(String iin) {
		return Optional.ofNullable(findProblem(iin));
	}

	public static boolean isValid(String iin) {
		return findProblem(iin) == null;
	}

	/** The birth date of a valid IIN. */
	public static LocalDate birthDate(String iin) {
		requireValid(iin);
		return LocalDate.of(year(iin), number(iin, 2), number(iin, 4));
	}

	/** The sex of a valid IIN. */
	public static Sex sex(String iin) {
		requireValid(iin);
		return (digit(iin, 6) % 2 == 1) ? Sex.MALE : Sex.FEMALE;
	}

	/**
	 * The input without white space (including no-break spaces) and hyphens or dashes,
	 * for example {@code "061211 600012"} or {@code "0612-1160-0012"}; {@code null} when
	 * nothing is left. The result is not checked.
	 */
	public static String normalise(String input) {
		if (input == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(input.length());
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)
					&& Character.getType(c) != Character.DASH_PUNCTUATION) {
				kept.append(c);
			}
		}
		return kept.isEmpty() ? null : kept.toString();
	}

	/**
	 * Every valid IIN that differs from the input by one replaced digit or by a swap of
	 * two neighbouring different digits, sorted; empty when the input is not twelve
	 * digits. The input itself is never included, even when it is valid.
	 */
	public static List<String> corrections(String iin) {
		if (!isTwelveDigits(iin)) {
			return List.of();
		}
		Set<String> found = new TreeSet<>();
		StringBuilder candidate = new StringBuilder(iin);
		for (int i = 0; i < LENGTH; i++) {
			char original = candidate.charAt(i);
			for (char c = '0'; c <= '9'; c++) {
				if (c != original) {
					candidate.setCharAt(i, c);
					addIfValid(candidate, found);
				}
			}
			candidate.setCharAt(i, original);
			if (i + 1 < LENGTH && original != candidate.charAt(i + 1)) {
				swap(candidate, i);
				addIfValid(candidate, found);
				swap(candidate, i);
			}
		}
		return List.copyOf(found);
	}

	/**
	 * A valid IIN for the birth date (years 1800-2099), sex and four-digit serial. When
	 * no check digit is possible for the serial, the next serial is taken (9999 wraps to
	 * 0).
	 */
	public static String of(LocalDate birthDate, Sex sex, int serial) {
		if (birthDate == null || sex == null) {
			throw new IllegalArgumentException("Birth date and sex are required");
		}
		int year = birthDate.getYear();
		if (year < 1800 || year > 2099) {
			throw new IllegalArgumentException("Birth year must be 1800-2099: " + year);
		}
		if (serial < 0 || serial > 9999) {
			throw new IllegalArgumentException("Serial must be 0-9999: " + serial);
		}
		int centuryDigit = (year / 100 - 18) * 2 + ((sex == Sex.MALE) ? 1 : 2);
		StringBuilder iin = new StringBuilder(LENGTH).append("000000000000");
		putNumber(iin, 0, 2, year % 100);
		putNumber(iin, 2, 2, birthDate.getMonthValue());
		putNumber(iin, 4, 2, birthDate.getDayOfMonth());
		putNumber(iin, 6, 1, centuryDigit);
		int check = IMPOSSIBLE;
		for (int s = serial; check == IMPOSSIBLE; s = (s + 1) % 10000) {
			putNumber(iin, 7, 4, s);
			check = checkDigit(iin);
		}
		putNumber(iin, 11, 1, check);
		return iin.toString();
	}

	private static Problem findProblem(CharSequence iin) {
		if (!isTwelveDigits(iin)) {
			return Problem.FORMAT;
		}
		int centuryDigit = digit(iin, 6);
		if (centuryDigit < 1 || centuryDigit > 6) {
			return Problem.CENTURY;
		}
		if (!isRealDate(year(iin), number(iin, 2), number(iin, 4))) {
			return Problem.BIRTH_DATE;
		}
		if (checkDigit(iin) != digit(iin, 11)) {
			return Problem.CHECK_DIGIT;
		}
		return null;
	}

	/** The check digit for the first eleven digits, or {@link #IMPOSSIBLE}. */
	private static int checkDigit(CharSequence iin) {
		int first = 0;
		int second = 0;
		for (int i = 0; i < 11; i++) {
			int d = digit(iin, i);
			first += d * FIRST_WEIGHTS[i];
			second += d * SECOND_WEIGHTS[i];
		}
		return (first % 11 != 10) ? first % 11 : second % 11;
	}

	private static boolean isTwelveDigits(CharSequence s) {
		if (s == null || s.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isRealDate(int year, int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
	}

	/** The full birth year; the seventh digit must be 1-6. */
	private static int year(CharSequence iin) {
		return 1800 + (digit(iin, 6) - 1) / 2 * 100 + number(iin, 0);
	}

	private static int number(CharSequence iin, int index) {
		return digit(iin, index) * 10 + digit(iin, index + 1);
	}

	private static int digit(CharSequence iin, int index) {
		return iin.charAt(index) - '0';
	}

	private static void putNumber(StringBuilder iin, int index, int width, int value) {
		for (int i = index + width - 1; i >= index; i--) {
			iin.setCharAt(i, (char) ('0' + value % 10));
			value /= 10;
		}
	}

	private static void requireValid(String iin) {
		Problem problem = findProblem(iin);
		if (problem != null) {
			// the number itself is personal data, so it stays out of the message
			throw new IllegalArgumentException("Not a valid IIN: " + problem);
		}
	}

	private static void addIfValid(StringBuilder candidate, Set<String> found) {
		if (findProblem(candidate) == null) {
			found.add(candidate.toString());
		}
	}

	private static void swap(StringBuilder s, int i) {
		char c = s.charAt(i);
		s.setCharAt(i, s.charAt(i + 1));
		s.setCharAt(i + 1, c);
	}

}
