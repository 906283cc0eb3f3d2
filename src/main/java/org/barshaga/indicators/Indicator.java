package org.barshaga.indicators;

import java.util.List;
import org.barshaga.kernel.LocalizedName;

/**
 * An indicator as data: its value is the numerator measure (kept by its filters) divided
 * by the denominator measure (kept by its own), scaled by the unit.
 */
public record Indicator(String code, LocalizedName name, LocalizedName description, IndicatorUnit unit,
		Measure numerator, List<Filter> numeratorFilter, Measure denominator, List<Filter> denominatorFilter,
		List<Dimension> disaggregations, Better better, int position, boolean productDefault) {

	public Indicator {
		numeratorFilter = List.copyOf(numeratorFilter);
		denominatorFilter = List.copyOf(denominatorFilter);
		disaggregations = List.copyOf(disaggregations);
	}

	/**
	 * Whether the figures count children, so that published cells under five are hidden.
	 */
	public boolean countsChildren() {
		return numerator.countsChildren() || (denominator != null && denominator.countsChildren());
	}

	public String numeratorFilterText() {
		return Filter.format(numeratorFilter);
	}

	public String denominatorFilterText() {
		return Filter.format(denominatorFilter);
	}

}
