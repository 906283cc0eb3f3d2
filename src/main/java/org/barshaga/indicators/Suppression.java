package org.barshaga.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hides published cells that count fewer than five children, and then, in every group of
 * cells that adds up to a published total, the smallest other cell wherever a group has
 * exactly one hidden cell, so that no hidden cell can be found by subtraction.
 */
final class Suppression {

	static final int THRESHOLD = 5;

	private Suppression() {
	}

	static List<IndicatorValue> apply(Indicator indicator, List<IndicatorValue> cells) {
		if (!indicator.countsChildren()) {
			return cells;
		}
		List<IndicatorValue> result = new ArrayList<>();
		for (IndicatorValue cell : cells) {
			result.add(small(indicator, cell) ? cell.suppress() : cell);
		}
		// The cells of one place add up to its total; one value of the dimensions across
		// places adds up to the parent's.
		List<Function<IndicatorValue, Object>> groupings = List.of(IndicatorValue::path, IndicatorValue::by);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Function<IndicatorValue, Object> grouping : groupings) {
				Map<Object, List<Integer>> groups = new LinkedHashMap<>();
				for (int i = 0; i < result.size(); i++) {
					groups.computeIfAbsent(grouping.apply(result.get(i)), k -> new ArrayList<>()).add(i);
				}
				for (List<Integer> group : groups.values()) {
					long hidden = group.stream().filter(i -> result.get(i).suppressed()).count();
					if (hidden != 1 || group.size() < 2) {
						continue;
					}
					int smallest = group.stream()
						.filter(i -> !result.get(i).suppressed())
						.min(Comparator.comparing((Integer i) -> size(result.get(i))).thenComparing(i -> i))
						.orElseThrow();
					result.set(smallest, result.get(smallest).suppress());
					changed = true;
				}
			}
		}
		return result;
	}

	private static boolean small(Indicator indicator, IndicatorValue cell) {
		return (indicator.numerator().countsChildren() && below(cell.numerator())) || (indicator.denominator() != null
				&& indicator.denominator().countsChildren() && below(cell.denominator()));
	}

	private static boolean below(BigDecimal count) {
		return count != null && count.signum() > 0 && count.compareTo(BigDecimal.valueOf(THRESHOLD)) < 0;
	}

	private static BigDecimal size(IndicatorValue cell) {
		return cell.denominator() != null ? cell.denominator() : cell.numerator();
	}

}
