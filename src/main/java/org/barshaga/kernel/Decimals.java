package org.barshaga.kernel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as people write them in forms, files and rules: digits with a point or a comma,
 * no exponent. A number such as {@code 1e-999999999} is small, passes every range check,
 * and costs the server minutes (or an overflow) when it is rounded to the column it is
 * stored in; no form or file of the product needs one, so it is not read as a number.
 */
public final class Decimals {

	/** Digits before the separator: more than any figure the product keeps. */
	public static final int WHOLE_DIGITS = 15;

	/** Digits after it: enough for coordinates and shares. */
	public static final int FRACTION_DIGITS = 9;

	private static final Pattern PLAIN = Pattern.compile("[+-]?(?:[0-9]{1,15}(?:[.,][0-9]{0,9})?|[.,][0-9]{1,9})");

	private Decimals() {
	}

	/** The number written plainly, or null when the text is anything else. */
	public static BigDecimal parse(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (!PLAIN.matcher(stripped).matches()) {
			return null;
		}
		return new BigDecimal(stripped.replace(',', '.'));
	}

	/**
	 * Whether a number read elsewhere (a JSON body) has no more digits than a plainly
	 * written one may: checking it costs nothing, rounding it may not.
	 */
	public static boolean sized(BigDecimal value) {
		return value.scale() <= FRACTION_DIGITS && value.precision() - value.scale() <= WHOLE_DIGITS;
	}

}
