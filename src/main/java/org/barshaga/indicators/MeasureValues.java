package org.barshaga.indicators;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the measures at each school of a school year, for rules that compare one
 * measure with another school by school. A figure is the sum of the school's facts of the
 * measure kept by the filters, zero where nothing was counted: the facts keep no row of
 * nothing, so a counted zero and no figure cannot be told apart.
 */
public final class MeasureValues {

	private final YearFacts facts;

	MeasureValues(YearFacts facts) {
		this.facts = facts;
	}

	public int year() {
		return facts.year;
	}

	public LocalDate census() {
		return facts.census;
	}

	/** The figure of a measure at a school (by its path), kept by the filters. */
	public double value(String schoolPath, Measure measure, List<Filter> filters) {
		Map<String, Double> bySchool = facts.remember(List.of(MeasureValues.class, measure, filters),
				() -> bySchool(measure, filters));
		return bySchool.getOrDefault(schoolPath, 0.0);
	}

	/** One pass over the measure's facts of the whole country, summed by school. */
	private Map<String, Double> bySchool(Measure measure, List<Filter> filters) {
		Map<String, Double> sums = new HashMap<>();
		int column = measure.column();
		for (YearFacts.Row row : facts.rows(measure.scope(), "/")) {
			if (!row.organisation() || !passes(row, filters)) {
				continue;
			}
			double amount = row.values()[column];
			if (amount != 0) {
				sums.merge(row.path(), amount, Double::sum);
			}
		}
		return sums;
	}

	private static boolean passes(YearFacts.Row row, List<Filter> filters) {
		for (Filter filter : filters) {
			int value = row.dimensions()[filter.dimension().ordinal()];
			if (value < 0 || !filter.values().contains(filter.dimension().codes().get(value))) {
				return false;
			}
		}
		return true;
	}

}
