package org.barshaga.reports;

import java.util.List;

/**
 * An indicator's definition in the user's language: what it is, what its numerator and
 * denominator count (with their filters), how it may be divided and which way is better.
 */
public record Definition(String code, String name, String description, String unit, String numerator,
		String denominator, List<String> disaggregations, String betterKey, boolean productDefault,
		boolean countsChildren) {

	/** The unit as a value's heading gives it: "%", "per 1,000". */
	public String unitKey() {
		return "indicator.unit." + unit;
	}

	/** The unit as the catalogue explains it: "share in per cent". */
	public String unitOptionKey() {
		return "catalogue.unitOption." + unit;
	}

}
