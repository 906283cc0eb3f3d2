package org.barshaga.indicators;

import java.math.BigDecimal;
import java.util.Map;
import org.barshaga.kernel.LocalizedName;

/**
 * One figure of an indicator: where, for which values of the dimensions asked, its
 * numerator and denominator, and the value; none of the three when the cell is
 * suppressed, and no value when the denominator is zero ("no data").
 */
public record IndicatorValue(String orgUnit, LocalizedName name, String path, boolean organisation,
		Map<Dimension, String> by, BigDecimal numerator, BigDecimal denominator, BigDecimal value, boolean suppressed) {

	public IndicatorValue suppress() {
		return new IndicatorValue(orgUnit, name, path, organisation, by, null, null, null, true);
	}

	public boolean noData() {
		return !suppressed && value == null;
	}

}
