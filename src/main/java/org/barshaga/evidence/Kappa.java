package org.barshaga.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Cohen's kappa of two coders on one code, over the publications both coded: each coder
 * either applied the code to a publication or did not, which gives the 2×2 table
 *
 * <pre>
 *                    second applied   second did not
 * first applied            a                b
 * first did not            c                d           n = a + b + c + d
 * </pre>
 *
 * observed agreement p_o = (a + d) / n; agreement expected by chance from each coder's
 * own rate p_e = ((a + b)(a + c) + (c + d)(b + d)) / n²; kappa = (p_o − p_e) / (1 − p_e).
 * <p>
 * When both coders put every publication in the same one category (both applied the code
 * to all of them, or both to none), p_e = 1 and kappa is 0/0: undefined. It is then
 * reported as undefined (null) beside p_o = 1, never as 1 or 0, because the coders were
 * never tested on telling the two categories apart. With no publication coded by both,
 * all three figures are null.
 *
 * @param kappa to three decimals, null when undefined
 */
public record Kappa(int a, int b, int c, int d, BigDecimal observed, BigDecimal expected, BigDecimal kappa) {

	static Kappa of(int a, int b, int c, int d) {
		int n = a + b + c + d;
		if (n == 0) {
			return new Kappa(a, b, c, d, null, null, null);
		}
		double observed = (a + d) / (double) n;
		double expected = ((double) (a + b) * (a + c) + (double) (c + d) * (b + d)) / ((double) n * n);
		BigDecimal kappa = expected >= 1.0 ? null : round((observed - expected) / (1.0 - expected));
		return new Kappa(a, b, c, d, round(observed), round(expected), kappa);
	}

	public int pairs() {
		return a + b + c + d;
	}

	private static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
	}

}
