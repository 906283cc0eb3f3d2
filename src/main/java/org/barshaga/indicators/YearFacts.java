package org.barshaga.indicators;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.barshaga.kernel.LocalizedName;

/**
 * What the indicators of one school year are computed from: rows of counts at the grain
 * of a school, a school's position, a group of learners who share a place and the values
 * of every dimension, or such a group's services. No row names a person; rows with the
 * same place and dimensions are summed as they are added. Once {@link #seal() sealed},
 * the rows of each grain are sorted by path, so the rows under a place are one run of the
 * list.
 */
final class YearFacts {

	static final byte NONE = -1;

	private static final int MAX_REMEMBERED = 20_000;

	/** A place a row is counted at: a unit or an organisation. */
	record Place(String code, String path, LocalizedName name, boolean organisation) {
	}

	/**
	 * One row: where, the value index of each dimension ({@link #NONE} when it has none),
	 * and the measures of its grain.
	 */
	record Row(String path, boolean organisation, byte[] dimensions, double[] values) {
	}

	final int year;

	final LocalDate census;

	final YearMonth referenceMonth;

	final long version;

	private final Map<Measure.Scope, List<Row>> rows = new EnumMap<>(Measure.Scope.class);

	private Map<String, Row> byKey = new HashMap<>();

	private final Map<String, Place> places = new ConcurrentHashMap<>();

	private final Map<String, Place> placesByCode = new ConcurrentHashMap<>();

	private final Map<String, List<String>> childUnits = new ConcurrentHashMap<>();

	private final Map<Object, Object> remembered = new ConcurrentHashMap<>();

	YearFacts(int year, LocalDate census, YearMonth referenceMonth, long version) {
		this.year = year;
		this.census = census;
		this.referenceMonth = referenceMonth;
		this.version = version;
		for (Measure.Scope scope : Measure.Scope.values()) {
			rows.put(scope, new ArrayList<>());
		}
	}

	synchronized void add(String path, boolean organisation, byte[] dimensions, Measure measure, double value) {
		if (value != 0) {
			row(path, organisation, dimensions, measure.scope()).values()[measure.column()] += value;
		}
	}

	/**
	 * Adds a whole row of a grain's measures, in the order of {@link Measure#column()}.
	 */
	synchronized void add(String path, boolean organisation, byte[] dimensions, Measure.Scope scope, double[] values) {
		double[] sums = row(path, organisation, dimensions, scope).values();
		for (int i = 0; i < values.length; i++) {
			sums[i] += values[i];
		}
	}

	private Row row(String path, boolean organisation, byte[] dimensions, Measure.Scope scope) {
		String key = scope.ordinal() + path + new String(dimensions, StandardCharsets.ISO_8859_1);
		return byKey.computeIfAbsent(key, k -> {
			Row created = new Row(path, organisation, dimensions.clone(), new double[Measure.columns(scope)]);
			rows.get(scope).add(created);
			return created;
		});
	}

	/**
	 * Sets a measure of every row of its grain from the row's other values, once they are
	 * all added: for facts that follow from others at the same grain.
	 */
	synchronized void derive(Measure measure, java.util.function.ToDoubleFunction<double[]> rule) {
		for (Row row : rows.get(measure.scope())) {
			row.values()[measure.column()] = rule.applyAsDouble(row.values());
		}
	}

	/**
	 * Ends the adding: sorts each grain's rows by path and lets the lookup of rows go.
	 */
	synchronized void seal() {
		byKey = null;
		rows.values().forEach(list -> list.sort(Comparator.comparing(Row::path)));
	}

	void place(Place place) {
		places.put(place.path(), place);
		placesByCode.put(place.code(), place);
	}

	void childUnit(String parentPath, String childPath) {
		childUnits.computeIfAbsent(parentPath, k -> new ArrayList<>()).add(childPath);
	}

	/** The rows of a grain whose path lies under a place, in path order. */
	List<Row> rows(Measure.Scope scope, String under) {
		List<Row> list = rows.get(scope);
		int from = firstAtOrAfter(list, under);
		int to = firstAtOrAfter(list, under + Character.MAX_VALUE);
		return list.subList(from, to);
	}

	private static int firstAtOrAfter(List<Row> list, String path) {
		int low = 0;
		int high = list.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (list.get(middle).path().compareTo(path) < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	Place place(String path) {
		return places.get(path);
	}

	Place placeByCode(String code) {
		return placesByCode.get(code);
	}

	List<String> childUnits(String parentPath) {
		return childUnits.getOrDefault(parentPath, List.of());
	}

	/** Every place with figures, for freezing the facts. */
	java.util.Collection<Place> places() {
		return places.values();
	}

	/** The units below each unit, for freezing the facts. */
	Map<String, List<String>> childUnitsByParent() {
		return childUnits;
	}

	/** Every row of a grain, in path order once sealed. */
	List<Row> rows(Measure.Scope scope) {
		return rows.get(scope);
	}

	int size() {
		return rows.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * A computed result kept with the facts it came from, so that it goes when they do;
	 * at most a bounded number are kept.
	 */
	@SuppressWarnings("unchecked")
	<T> T remember(Object key, java.util.function.Supplier<T> compute) {
		Object known = remembered.get(key);
		if (known != null) {
			return (T) known;
		}
		T computed = compute.get();
		if (remembered.size() >= MAX_REMEMBERED) {
			remembered.clear();
		}
		remembered.put(key, computed);
		return computed;
	}

	static byte[] noDimensions() {
		byte[] dimensions = new byte[Dimension.values().length];
		Arrays.fill(dimensions, NONE);
		return dimensions;
	}

}
