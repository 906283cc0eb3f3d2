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
 * <li>among the places below one place, either no table is hidden or at least two are:
 * one hidden table alone would be the place's table minus the others, so the smallest
 * other one is hidden with it; the place's own rows (those of no place below) are never
 * published, and when they hold a small cell at least two tables below are hidden
 * too;</li>
 * <li>a hidden table whose places below are all published would be their sum and the
 * place's own rows, whose cells its margins may give away, so the smallest place below is
 * hidden too.</li>
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
				if (children.get(p).isEmpty() || !unprotected(p, hidden, totals, ownSmall[p])) {
					continue;
				}
				int companion = companion(p, hidden, totals, tables, divided.length);
				if (companion >= 0) {
					hidden[companion] = true;
					changed = true;
				}
				else if (!hidden[p]) {
					hidden[p] = true;
					changed = true;
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

	/** Whether a cell counts from 1 to 4 children, goals or hours. */
	private static boolean small(Map<Long, double[]> table, List<Measure> measures) {
		for (double[] sums : table.values()) {
			for (int m = 0; m < measures.size(); m++) {
				if (measures.get(m).subject() != Measure.Subject.FTE && sums[m] > 1e-9
						&& sums[m] < Suppression.THRESHOLD - 1e-9) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether, in some measure, a hidden table could be found by subtraction: one hidden
	 * place alone below a place, a published place whose own rows hold a small cell and
	 * every place below it is published, or a hidden place whose places below are all
	 * published. The place's own rows never protect a hidden table: their margins are
	 * the place's coarser tables minus those of the places below, and a table whose rows
	 * share one value of a dimension is its own margin.
	 */
	private boolean unprotected(int parent, boolean[] hidden, double[][] totals, boolean ownSmall) {
		for (int m = 0; m < totals[parent].length; m++) {
			int parts = 0;
			for (int child : children.get(parent)) {
				if (hidden[child] && totals[child][m] > 0) {
					parts++;
				}
			}
			if (parts == 1 || (parts == 0 && (hidden[parent] ? totals[parent][m] > 0 : ownSmall))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The published place below a parent to hide with a hidden one: the smallest whose
	 * table its own margins do not give away and that holds something in every measure,
	 * else the smallest that comes nearest; none if every other place below is empty.
	 */
	private int companion(int parent, boolean[] hidden, double[][] totals, List<Map<Long, double[]>> tables,
			int dimensions) {
		int best = -1;
		int bestRank = -1;
		for (int child : children.get(parent)) {
			if (hidden[child] || weight(totals[child]) == 0) {
				continue;
			}
			boolean full = true;
			for (double total : totals[child]) {
				full &= total > 0;
			}
			int rank = (ambiguous(tables.get(child), dimensions) ? 2 : 0) + (full ? 1 : 0);
			if (rank > bestRank || (rank == bestRank && weight(totals[child]) < weight(totals[best]))) {
				best = child;
				bestRank = rank;
			}
		}
		return best;
	}

	/**
	 * Whether a table could hold other figures with the same margins: two of its cells
	 * hold something and differ in every dimension, so that some of one could move to the
	 * other. A table whose rows all share a value of a dimension is its own margin, and
	 * hiding it would protect nothing.
	 */
	private static boolean ambiguous(Map<Long, double[]> table, int dimensions) {
		if (dimensions == 0) {
			return true;
		}
		List<Long> cells = new ArrayList<>();
		table.forEach((cell, sums) -> {
			if (weight(sums) > 0) {
				cells.add(cell);
			}
		});
		for (int i = 0; i < cells.size(); i++) {
			for (int j = i + 1; j < cells.size(); j++) {
				if (differInEvery(cells.get(i), cells.get(j), dimensions)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean differInEvery(long one, long other, int dimensions) {
		long mask = (1L << BITS) - 1;
		for (int k = 0; k < dimensions; k++) {
			if (((one >> (BITS * k)) & mask) == ((other >> (BITS * k)) & mask)) {
				return false;
			}
		}
		return true;
	}

	private static double weight(double[] totals) {
		double weight = 0;
		for (double total : totals) {
			weight += Math.abs(total);
		}
		return weight;
	}

}
