package org.barshaga.indicators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which places' tables of a group of measures, divided by a set of dimensions, are hidden
 * from open readers, for the whole published hierarchy (the country, its regions and
 * their districts) at once:
 * <ol>
 * <li>a table with a cell from 1 to 4 (children, goals or hours) is hidden;</li>
 * <li>a table is hidden wherever a table of the same place divided by fewer of the same
 * dimensions is, since its cells add up to the coarser table's;</li>
 * <li>the places below one place are hidden together or published together: if one of
 * them is hidden, or the place itself is, or the place's own rows (those of no place
 * below, never published) hold a small cell, every place below that holds something is
 * hidden, so a hidden table is never the published one minus the others;</li>
 * <li>a published place whose hidden places below hold something in fewer than two places
 * is hidden too, since one hidden place alone would be the place's table minus its own
 * rows.</li>
 * </ol>
 * The result is kept with the facts, so every query of the same facts sees the same
 * tables.
 */
final class SuppressedTables {

	private static final String COUNTRY = "/KZ/";

	private static final int BITS = 5;

	private final List<String> paths = new ArrayList<>();

	private final Map<String, Integer> index = new HashMap<>();

	private final List<List<Integer>> children = new ArrayList<>();

	private SuppressedTables() {
	}

	/** The paths of the places whose table is hidden. */
	static Set<String> hidden(YearFacts facts, List<Measure> measures, Set<Dimension> dimensions) {
		EnumSet<Dimension> key = dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions);
		return facts.remember(List.of("suppressed", measures, key),
				() -> new SuppressedTables().compute(facts, measures, key));
	}

	private Set<String> compute(YearFacts facts, List<Measure> measures, EnumSet<Dimension> dimensions) {
		place(COUNTRY, -1);
		for (String region : facts.childUnits(COUNTRY)) {
			int regionIndex = place(region, 0);
			for (String district : facts.childUnits(region)) {
				place(district, regionIndex);
			}
		}
		int places = paths.size();
		Dimension[] divided = dimensions.toArray(new Dimension[0]);
		List<Map<Long, double[]>> tables = new ArrayList<>();
		List<Map<Long, double[]>> own = new ArrayList<>();
		double[][] totals = new double[places][measures.size()];
		for (int i = 0; i < places; i++) {
			tables.add(new HashMap<>());
			own.add(new HashMap<>());
		}
		Map<String, int[]> ancestors = new HashMap<>();
		for (YearFacts.Row row : facts.rows(measures.get(0).scope(), COUNTRY)) {
			double[] amounts = new double[measures.size()];
			boolean any = false;
			for (int m = 0; m < measures.size(); m++) {
				amounts[m] = row.values()[measures.get(m).column()];
				any |= amounts[m] != 0;
			}
			if (!any) {
				continue;
			}
			long cell = cell(row.dimensions(), divided);
			int[] above = ancestors.computeIfAbsent(row.path(), this::ancestors);
			for (int place : above) {
				add(tables.get(place), cell, amounts);
				for (int m = 0; m < amounts.length; m++) {
					totals[place][m] += amounts[m];
				}
			}
			add(own.get(above[above.length - 1]), cell, amounts);
		}
		boolean[] hidden = new boolean[places];
		for (int i = 0; i < places; i++) {
			hidden[i] = small(tables.get(i), measures);
		}
		for (Dimension dimension : dimensions) {
			EnumSet<Dimension> coarser = EnumSet.copyOf(dimensions);
			coarser.remove(dimension);
			Set<String> coarserHidden = hidden(facts, measures, coarser);
			for (int i = 0; i < places; i++) {
				hidden[i] |= coarserHidden.contains(paths.get(i));
			}
		}
		boolean[] ownSmall = new boolean[places];
		for (int i = 0; i < places; i++) {
			ownSmall[i] = !children.get(i).isEmpty() && small(own.get(i), measures);
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int p = 0; p < places; p++) {
				List<Integer> below = children.get(p).stream().filter(c -> weight(totals[c]) > 0).toList();
				if (below.isEmpty()) {
					continue;
				}
				boolean anyHidden = below.stream().anyMatch(c -> hidden[c]);
				if (hidden[p] || anyHidden || ownSmall[p]) {
					for (int child : below) {
						changed |= !hidden[child];
						hidden[child] = true;
					}
					if (!hidden[p] && below.size() < 2) {
						hidden[p] = true;
						changed = true;
					}
				}
			}
		}
		Set<String> result = new HashSet<>();
		for (int i = 0; i < places; i++) {
			if (hidden[i]) {
				result.add(paths.get(i));
			}
		}
		return result;
	}

	private int place(String path, int parent) {
		index.put(path, paths.size());
		paths.add(path);
		children.add(new ArrayList<>());
		if (parent >= 0) {
			children.get(parent).add(paths.size() - 1);
		}
		return paths.size() - 1;
	}

	/** The published places that a row's path lies under, outermost first. */
	private int[] ancestors(String path) {
		List<Integer> found = new ArrayList<>();
		for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
			Integer place = index.get(path.substring(0, slash + 1));
			if (place != null) {
				found.add(place);
			}
		}
		return found.stream().mapToInt(Integer::intValue).toArray();
	}

	private static long cell(byte[] values, Dimension[] divided) {
		long cell = 0;
		for (Dimension dimension : divided) {
			cell = (cell << BITS) | (values[dimension.ordinal()] + 1);
		}
		return cell;
	}

	private static void add(Map<Long, double[]> table, long cell, double[] amounts) {
		double[] sums = table.computeIfAbsent(cell, k -> new double[amounts.length]);
		for (int m = 0; m < amounts.length; m++) {
			sums[m] += amounts[m];
		}
	}

	/**
	 * Whether a cell counts from 1 to 4 children, goals or hours, or leaves 1 to 4 of
	 * them outside a part the group counts on its own.
	 */
	private static boolean small(Map<Long, double[]> table, List<Measure> measures) {
		for (double[] sums : table.values()) {
			for (int m = 0; m < measures.size(); m++) {
				Measure measure = measures.get(m);
				if (measure.subject() != Measure.Subject.FTE && small(sums[m])) {
					return true;
				}
				int whole = measure.partOf() == null ? -1 : measures.indexOf(measure.partOf());
				if (whole >= 0 && small(sums[whole] - sums[m])) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean small(double count) {
		return count > 1e-9 && count < Suppression.THRESHOLD - 1e-9;
	}

	private static double weight(double[] totals) {
		double weight = 0;
		for (double total : totals) {
			weight += Math.abs(total);
		}
		return weight;
	}

}
