package org.barshaga.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The values of an indicator for a place and school year, with the dates they were
 * counted on: the census day, and the reference month for delivered support.
 */
public record IndicatorResult(Indicator indicator, int year, LocalDate census, YearMonth referenceMonth,
		PlaceName place, Level level, List<Dimension> by, List<IndicatorValue> values, boolean suppressed) {

	public IndicatorResult {
		by = List.copyOf(by);
		values = List.copyOf(values);
	}

	/**
	 * The single value of a place asked for by itself and not divided, if there is one.
	 */
	public IndicatorValue total() {
		return values.stream().filter(v -> v.path().equals(place.path()) && v.by().isEmpty()).findFirst().orElse(null);
	}

}
