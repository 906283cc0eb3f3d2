package org.barshaga.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barshaga.kernel.LocalizedName;

/**
 * Computes an indicator from a year's facts for a place or for each place below it. A
 * value's numerator and denominator are sums over the same rows at every level, so a
 * unit's numerator is the sum of its children's.
 */
final class Computation {

	private static final int WILDCARD = -2;

	private Computation() {
	}

	/**
	 * @param parentPath the place asked for
	 * @param children whether to give the places below it instead: the units of a country
	 * or region, the organisations of any other unit
	 */
	static List<IndicatorValue> compute(Indicator indicator, YearFacts facts, String parentPath, boolean children,
			List<Dimension> by) {
		return facts.remember(List.of(indicator, parentPath, children, by),
				() -> computeNow(indicator, facts, parentPath, children, by));
	}

	private static List<IndicatorValue> computeNow(Indicator indicator, YearFacts facts, String parentPath,
			boolean children, List<Dimension> by) {
		boolean byUnits = depth(parentPath) < 2;
		Map<Key, double[]> cells = new LinkedHashMap<>();
		boolean[] numeratorSplits = new boolean[by.size()];
		java.util.Arrays.fill(numeratorSplits, true);
		add(cells, facts, indicator.numerator(), indicator.numeratorFilter(), 0, numeratorSplits, parentPath, children,
				byUnits, by);
		if (indicator.denominator() != null) {
			boolean[] denominatorSplits = new boolean[by.size()];
			for (int i = 0; i < by.size(); i++) {
				denominatorSplits[i] = indicator.denominator().dimensions().contains(by.get(i));
			}
			add(cells, facts, indicator.denominator(), indicator.denominatorFilter(), 1, denominatorSplits, parentPath,
					children, byUnits, by);
		}
		else if (coverage(indicator) != null) {
			add(cells, facts, coverage(indicator), indicator.numeratorFilter(), 1, numeratorSplits, parentPath,
					children, byUnits, by);
		}
		if (children && by.isEmpty() && byUnits) {
			for (String unit : facts.childUnits(parentPath)) {
				cells.putIfAbsent(new Key(unit, new int[0]), new double[2]);
			}
		}
		if (!children && by.isEmpty() && coverage(indicator) != null) {
			// a place that nothing covers has a value all the same: no data
			cells.putIfAbsent(new Key(parentPath, new int[0]), new double[2]);
		}
		return values(indicator, facts, cells, by);
	}

	/**
	 * Adds a measure's rows under the place to the cells, as numerator (0) or denominator
	 * (1).
	 */
	private static void add(Map<Key, double[]> cells, YearFacts facts, Measure measure, List<Filter> filters, int side,
			boolean[] splits, String parentPath, boolean children, boolean byUnits, List<Dimension> by) {
		int column = measure.column();
		for (YearFacts.Row row : facts.rows(measure.scope(), parentPath)) {
			double amount = row.values()[column];
			if (amount == 0 || !passes(row, filters)) {
				continue;
			}
			String place = children ? child(row, parentPath, byUnits) : parentPath;
			if (place == null) {
				continue;
			}
			int[] values = new int[by.size()];
			for (int i = 0; i < by.size(); i++) {
				values[i] = splits[i] ? row.dimensions()[by.get(i).ordinal()] : WILDCARD;
			}
			cells.computeIfAbsent(new Key(place, values), k -> new double[2])[side] += amount;
		}
	}

	private static List<IndicatorValue> values(Indicator indicator, YearFacts facts, Map<Key, double[]> cells,
			List<Dimension> by) {
		Map<Key, double[]> complete = new LinkedHashMap<>();
		for (Map.Entry<Key, double[]> cell : cells.entrySet()) {
			if (Arrays.stream(cell.getKey().values).noneMatch(v -> v == WILDCARD)) {
				double[] sums = complete.computeIfAbsent(cell.getKey(), k -> new double[2]);
				sums[0] += cell.getValue()[0];
				sums[1] += cell.getValue()[1];
			}
		}
		// A denominator not divided by a dimension is the whole for each of its values.
		for (Map.Entry<Key, double[]> cell : cells.entrySet()) {
			int[] values = cell.getKey().values;
			if (Arrays.stream(values).anyMatch(v -> v == WILDCARD)) {
				for (int[] expanded : expand(values, by)) {
					complete.computeIfAbsent(new Key(cell.getKey().place, expanded), k -> new double[2])[1] += cell
						.getValue()[1];
				}
			}
		}
		List<IndicatorValue> result = new ArrayList<>();
		for (Map.Entry<Key, double[]> cell : complete.entrySet()) {
			YearFacts.Place place = facts.place(cell.getKey().place);
			Map<Dimension, String> labels = new EnumMap<>(Dimension.class);
			for (int i = 0; i < by.size(); i++) {
				int value = cell.getKey().values[i];
				labels.put(by.get(i), value < 0 ? "UNKNOWN" : by.get(i).codes().get(value));
			}
			result.add(
					value(indicator, place, cell.getKey().place, Collections.unmodifiableMap(labels), cell.getValue()));
		}
		result.sort(Comparator.comparing(IndicatorValue::path).thenComparing(v -> order(v.by())));
		return result;
	}

	private static String order(Map<Dimension, String> by) {
		StringBuilder order = new StringBuilder();
		by.forEach((dimension, value) -> order.append((char) ('a' + dimension.codes().indexOf(value) + 1)));
		return order.toString();
	}

	/** Every combination that a wildcard stands for, keeping the other values. */
	private static List<int[]> expand(int[] values, List<Dimension> by) {
		List<int[]> combinations = new ArrayList<>();
		combinations.add(values.clone());
		for (int i = 0; i < values.length; i++) {
			if (values[i] != WILDCARD) {
				continue;
			}
			List<int[]> next = new ArrayList<>();
			for (int[] combination : combinations) {
				for (int v = 0; v < by.get(i).codes().size(); v++) {
					int[] copy = combination.clone();
					copy[i] = v;
					next.add(copy);
				}
			}
			combinations = next;
		}
		return combinations;
	}

	/**
	 * The indicator for every unit of the country at once, each row added to every unit
	 * above it: the full recomputation.
	 */
	static Map<String, IndicatorValue> everyUnit(Indicator indicator, YearFacts facts) {
		Map<String, double[]> sums = new java.util.HashMap<>();
		sumEveryUnit(sums, facts, indicator.numerator(), indicator.numeratorFilter(), 0);
		if (indicator.denominator() != null) {
			sumEveryUnit(sums, facts, indicator.denominator(), indicator.denominatorFilter(), 1);
		}
		else if (coverage(indicator) != null) {
			sumEveryUnit(sums, facts, coverage(indicator), indicator.numeratorFilter(), 1);
		}
		Map<String, IndicatorValue> values = new java.util.HashMap<>();
		sums.forEach((path, unit) -> values.put(path, value(indicator, facts.place(path), path, Map.of(), unit)));
		return values;
	}

	private static void sumEveryUnit(Map<String, double[]> sums, YearFacts facts, Measure measure, List<Filter> filters,
			int side) {
		int column = measure.column();
		String previous = null;
		List<double[]> chain = new ArrayList<>();
		for (YearFacts.Row row : facts.rows(measure.scope(), "/")) {
			double amount = row.values()[column];
			if (amount == 0 || !passes(row, filters)) {
				continue;
			}
			String path = row.path();
			String unitPath = row.organisation() ? path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1)
					: path;
			// Rows are in path order: the chain of units above a row is found again only
			// when
			// the unit changes.
			if (!unitPath.equals(previous)) {
				chain.clear();
				for (int slash = unitPath.indexOf('/', 1); slash > 0; slash = unitPath.indexOf('/', slash + 1)) {
					chain.add(sums.computeIfAbsent(unitPath.substring(0, slash + 1), k -> new double[2]));
				}
				previous = unitPath;
			}
			for (double[] unit : chain) {
				unit[side] += amount;
			}
		}
	}

	static IndicatorValue value(Indicator indicator, YearFacts.Place place, String path, Map<Dimension, String> by,
			double[] sums) {
		String code = place == null ? null : place.code();
		LocalizedName name = place == null ? null : place.name();
		boolean organisation = place != null && place.organisation();
		IndicatorUnit unit = indicator.unit();
		BigDecimal numerator = amount(sums[0], indicator.numerator());
		if (!unit.hasDenominator()) {
			// A count of a measure with coverage is no data where nothing covers the
			// place.
			boolean covered = coverage(indicator) == null || sums[1] > 0;
			return new IndicatorValue(code, name, path, organisation, by, numerator, null, covered ? numerator : null,
					false);
		}
		BigDecimal denominator = amount(sums[1], indicator.denominator());
		BigDecimal value = denominator.signum() == 0 ? null
				: numerator.multiply(unit.multiplier()).divide(denominator, unit.decimals(), RoundingMode.HALF_UP);
		return new IndicatorValue(code, name, path, organisation, by, numerator, denominator, value, false);
	}

	/**
	 * For a count, the measure that says where it has figures at all (kept by the
	 * numerator's filters and divided as it is); none for quotients and for counts that
	 * always have figures.
	 */
	private static Measure coverage(Indicator indicator) {
		return indicator.denominator() == null ? indicator.numerator().coverage() : null;
	}

	private static BigDecimal amount(double sum, Measure measure) {
		boolean whole = measure.subject() != Measure.Subject.FTE && measure.subject() != Measure.Subject.HOURS
				&& measure.subject() != Measure.Subject.POINTS && measure.subject() != Measure.Subject.SCORE;
		return BigDecimal.valueOf(sum).setScale(whole ? 0 : 2, RoundingMode.HALF_UP);
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

	/**
	 * The place below the parent that a row counts at, or none for a row at the parent
	 * itself.
	 */
	private static String child(YearFacts.Row row, String parentPath, boolean byUnits) {
		if (byUnits) {
			int end = row.path().indexOf('/', parentPath.length());
			return end < 0 ? null : row.path().substring(0, end + 1);
		}
		return row.organisation() && row.path().length() > parentPath.length() ? row.path() : null;
	}

	static int depth(String path) {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

	private record Key(String place, int[] values) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.place.equals(place) && Arrays.equals(key.values, values);
		}

		@Override
		public int hashCode() {
			return place.hashCode() * 31 + Arrays.hashCode(values);
		}

	}

}
