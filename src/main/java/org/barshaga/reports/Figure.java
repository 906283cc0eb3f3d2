package org.barshaga.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A number as a page shows it in the user's language ({@code 1 234,5} in Kazakh and
 * Russian, {@code 1,234.5} in English), and as a machine reads it ({@code 1234.5}).
 */
public record Figure(String plain, String text) {

	static Figure of(BigDecimal value, Locale locale) {
		if (value == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		int decimals = Math.max(0, value.scale());
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return new Figure(value.toPlainString(), format.format(value));
	}

}
