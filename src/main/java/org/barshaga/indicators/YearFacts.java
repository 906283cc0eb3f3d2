package org.barshaga.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.barshaga.kernel.LocalizedName;

/**
 * What the indicators of one school year are computed from: rows of counts at the grain
 * of a school, a school's position, or a group of learners who share a place and the
 * values of every dimension. No row names a person; rows with the same place and
 * dimensions are summed as they are added.
 */
final class YearFacts {

	static final byte NONE = -1;

	/** A place a row is counted at: a unit or an organisation. */
	record Place(String code, String path, LocalizedName name, boolean organisation) {
	}

	/**
	 * One row: where, the value index of each dimension ({@link #NONE} when it has none),
	 * and the measures.
	 */
	record Row(String path, boolean organisation, byte[] dimensions, double[] values) {
	}

	final int year;

	final LocalDate census;

	final YearMonth referenceMonth;

	final long version;

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, Row> byKey = new HashMap<>();

	private final Map<String, Place> places = new HashMap<>();

	private final Map<String, Place> placesByCode = new HashMap<>();

	private final Map<String, List<String>> childUnits = new HashMap<>();

	YearFacts(int year, LocalDate census, YearMonth referenceMonth, long version) {
		this.year = year;
		this.census = census;
		this.referenceMonth = referenceMonth;
		this.version = version;
	}

	void add(String path, boolean organisation, byte[] dimensions, Measure measure, double value) {
		if (value == 0) {
			return;
		}
		String key = path + new String(dimensions, java.nio.charset.StandardCharsets.ISO_8859_1);
		Row row = byKey.computeIfAbsent(key, k -> {
			Row created = new Row(path, organisation, dimensions.clone(), new double[Measure.values().length]);
			rows.add(created);
			return created;
		});
		row.values()[measure.ordinal()] += value;
	}

	void place(Place place) {
		places.put(place.path(), place);
		placesByCode.put(place.code(), place);
	}

	void childUnit(String parentPath, String childPath) {
		childUnits.computeIfAbsent(parentPath, k -> new ArrayList<>()).add(childPath);
	}

	List<Row> rows() {
		return rows;
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

	int size() {
		return rows.size();
	}

	static byte[] noDimensions() {
		byte[] dimensions = new byte[Dimension.values().length];
		Arrays.fill(dimensions, NONE);
		return dimensions;
	}

}
