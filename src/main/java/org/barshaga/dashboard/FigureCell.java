package org.barshaga.dashboard;

import java.math.BigDecimal;

/**
 * The figures of one indicator in one row, as numbers and as text in the user's language.
 * Without a value the note says why: the cell is suppressed, or there is no data (a zero
 * denominator).
 */
public record FigureCell(BigDecimal numerator, BigDecimal denominator, BigDecimal value, String numeratorText,
		String denominatorText, String valueText, String note, boolean suppressed) {

	public boolean hasValue() {
		return value != null;
	}

	public String plainNumerator() {
		return numerator == null ? "" : numerator.toPlainString();
	}

	public String plainDenominator() {
		return denominator == null ? "" : denominator.toPlainString();
	}

	public String plainValue() {
		return value == null ? "" : value.toPlainString();
	}

}
