package org.barshaga.indicators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What researchers and the public may see of an indicator whose figures count children.
 * Suppression is decided once per table, not per answer, so that every breakdown of every
 * query agrees: a table is a measure at one place divided by a set of dimensions (those
 * the query divides by plus those its filters fix), and it is published whole or hidden
 * whole. docs/security.md gives the rules and why they hold against differencing.
 */
final class Suppression {

	static final int THRESHOLD = 5;

	/**
	 * Open readers see children's figures down to districts; a school's children are too
	 * few, and a district with one school would give the school away.
	 */
	static final int DEEPEST = 2;

	private Suppression() {
	}

	/** Whether open readers may read a place's figures of an indicator at all. */
	static boolean publishable(Indicator indicator, YearFacts facts, String path) {
		if (!indicator.countsChildren()) {
			return true;
		}
		YearFacts.Place place = facts.place(path);
		return place != null && !place.organisation() && Computation.depth(path) <= DEEPEST;
	}

	/**
	 * The cells as open readers see them: places they may not read left out, and every
	 * cell of a hidden table without its figures.
	 */
	static List<IndicatorValue> apply(Indicator indicator, YearFacts facts, List<IndicatorValue> cells,
			List<Dimension> by) {
		if (!indicator.countsChildren()) {
			return cells;
		}
		Set<Dimension> numerator = dimensions(indicator.numerator(), indicator.numeratorFilter(), by);
		Set<Dimension> denominator = indicator.denominator() == null ? null
				: dimensions(indicator.denominator(), indicator.denominatorFilter(), by);
		List<IndicatorValue> result = new ArrayList<>();
		for (IndicatorValue cell : cells) {
			if (!publishable(indicator, facts, cell.path())) {
				continue;
			}
			boolean hidden = hidden(facts, indicator.numerator(), numerator, cell.path())
					|| (denominator != null && hidden(facts, indicator.denominator(), denominator, cell.path()));
			result.add(hidden ? cell.suppress() : cell);
		}
		return result;
	}

	/**
	 * The dimensions that divide a measure's table: those asked for that the measure has,
	 * and those its filters fix (a filtered figure is a sum of cells of that table).
	 */
	private static Set<Dimension> dimensions(Measure measure, List<Filter> filters, List<Dimension> by) {
		Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		filters.forEach(filter -> dimensions.add(filter.dimension()));
		by.stream().filter(measure.dimensions()::contains).forEach(dimensions::add);
		return dimensions;
	}

	private static boolean hidden(YearFacts facts, Measure measure, Set<Dimension> dimensions, String path) {
		return measure.countsChildren()
				&& SuppressedTables.hidden(facts, measure.suppressedWith(), dimensions).contains(path);
	}

}
