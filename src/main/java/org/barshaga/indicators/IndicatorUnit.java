package org.barshaga.indicators;

import java.math.BigDecimal;

/** How an indicator's value is formed from its numerator and denominator. */
public enum IndicatorUnit {

	SHARE(100, 1), PER_1000(1000, 1), PER_100(100, 2), RATIO(1, 2), COUNT(0, 0), FTE(0, 2), HOURS(0, 1),

	/**
	 * A difference in percentage points: the numerator's points per one of the
	 * denominator.
	 */
	POINTS(1, 1),

	/** A mean score out of 100: the numerator's score points per valid scale. */
	SCORE(1, 1);

	private final int scale;

	private final int decimals;

	IndicatorUnit(int scale, int decimals) {
		this.scale = scale;
		this.decimals = decimals;
	}

	/** Whether the value is a quotient; the others are the numerator itself. */
	public boolean hasDenominator() {
		return scale > 0;
	}

	BigDecimal multiplier() {
		return BigDecimal.valueOf(scale);
	}

	public int decimals() {
		return decimals;
	}

	public String messageKey() {
		return "indicator.unit." + name();
	}

}
