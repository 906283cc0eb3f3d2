package org.barshaga.reconcile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The benchmark's data, read from the generator's files by header name (RFC 4180, UTF-8):
 * {@code health_registry.csv}, {@code enrolment.csv} (with {@code organisations.csv} for
 * the region of each school) and {@code health_ground_truth.csv}.
 *
 * @param health the health-registry records
 * @param pupils the pupils, one per IIN (the first row of an IIN that occurs twice)
 * @param truth health record id to the child's true IIN and whether the child is in the
 * full enrolment extract
 * @param schoolYear the school year of the enrolment extract (its start year)
 */
public record LinkageData(List<Person> health, List<Person> pupils, Map<String, Truth> truth, int schoolYear) {

	/**
	 * What the ground truth says of one health record.
	 *
	 * @param iin the child's true IIN
	 * @param inEnrolment whether the child is in the (full) enrolment extract
	 */
	public record Truth(String iin, boolean inEnrolment) {

	}

	/**
	 * Reads the files of a directory.
	 * @param directory the generator's output directory
	 * @param regions the regions to keep (health records by {@code region_code}, pupils
	 * by the region of their school), or null for all
	 * @param limitHealth the number of health records to keep at most (the first ones,
	 * after the region selection), or 0 for all
	 * @return the data
	 */
	public static LinkageData read(Path directory, Set<String> regions, int limitHealth) {
		Map<String, String> schoolRegion = new HashMap<>();
		forEachRow(directory.resolve("organisations.csv"),
				(row) -> schoolRegion.put(row.get("code"), regionOfUnit(row.get("unit_code"))));

		// Names, sexes and regions repeat: one String each keeps 3.5 million pupils
		// small.
		Map<String, String> pool = new HashMap<>();
		List<Person> health = new ArrayList<>();
		forEachRow(directory.resolve("health_registry.csv"), (row) -> {
			String region = row.get("region_code");
			if ((regions == null || regions.contains(region)) && (limitHealth <= 0 || health.size() < limitHealth)) {
				health.add(new Person(row.get("record_id"), row.get("iin"), shared(pool, row.get("surname")),
						shared(pool, row.get("given_name")), shared(pool, row.get("patronymic")),
						date(row.get("birth_date")), shared(pool, row.get("sex")), shared(pool, region)));
			}
		});

		List<Person> pupils = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int[] schoolYear = { 0 };
		forEachRow(directory.resolve("enrolment.csv"), (row) -> {
			String region = schoolRegion.get(row.get("school_code"));
			if (schoolYear[0] == 0) {
				schoolYear[0] = Integer.parseInt(row.get("school_year"));
			}
			String iin = row.get("iin");
			if ((regions == null || regions.contains(region)) && iin != null && seen.add(iin)) {
				pupils.add(new Person(iin, iin, shared(pool, row.get("surname")), shared(pool, row.get("given_name")),
						shared(pool, row.get("patronymic")), date(row.get("birth_date")), shared(pool, row.get("sex")),
						shared(pool, region)));
			}
		});

		Set<String> kept = new HashSet<>();
		health.forEach((person) -> kept.add(person.id()));
		Map<String, Truth> truth = new HashMap<>();
		forEachRow(directory.resolve("health_ground_truth.csv"), (row) -> {
			String id = row.get("record_id");
			if (kept.contains(id)) {
				truth.put(id, new Truth(row.get("iin"), Boolean.parseBoolean(row.get("in_enrolment"))));
			}
		});
		return new LinkageData(List.copyOf(health), List.copyOf(pupils), Map.copyOf(truth), schoolYear[0]);
	}

	/**
	 * The region of an administrative unit: the first two dash-separated parts of its
	 * code ({@code KZ-61-D08} is in {@code KZ-61}).
	 * @param unitCode the unit code
	 * @return the region code, or null
	 */
	static String regionOfUnit(String unitCode) {
		if (unitCode == null) {
			return null;
		}
		int first = unitCode.indexOf('-');
		int second = (first < 0) ? -1 : unitCode.indexOf('-', first + 1);
		return (second < 0) ? unitCode : unitCode.substring(0, second);
	}

	private static String shared(Map<String, String> pool, String value) {
		return (value == null) ? null : pool.computeIfAbsent(value, (first) -> first);
	}

	/**
	 * The records of another register of the generator's output with their ground truth,
	 * in the regions asked for.
	 * @param directory the generator's output directory
	 * @param file the register's file, for example {@code social_benefits.csv}
	 * @param truthFile its ground truth, {@code record_id,iin,in_enrolment}
	 * @param regions the regions to keep, or null for all
	 * @param truth filled with each kept record's truth
	 * @return the records, with the district of residence in {@code region} as a path part
	 * when the file gives one
	 */
	public static List<Person> register(Path directory, String file, String truthFile, Set<String> regions,
			Map<String, Truth> truth) {
		List<Person> records = new ArrayList<>();
		Map<String, String> pool = new HashMap<>();
		forEachRow(directory.resolve(file), (row) -> {
			String region = row.get("region_code");
			if (regions == null || regions.contains(region)) {
				String district = row.get("district_code");
				records.add(new Person(row.get("record_id"), row.get("iin"), shared(pool, row.get("surname")),
						shared(pool, row.get("given_name")), shared(pool, row.get("patronymic")),
						date(row.get("birth_date")), shared(pool, row.get("sex")),
						shared(pool, district == null ? region : region + "/" + district)));
			}
		});
		Set<String> kept = new HashSet<>();
		records.forEach((person) -> kept.add(person.id()));
		forEachRow(directory.resolve(truthFile), (row) -> {
			String id = row.get("record_id");
			if (kept.contains(id)) {
				truth.put(id, new Truth(row.get("iin"), Boolean.parseBoolean(row.get("in_enrolment"))));
			}
		});
		return records;
	}

	private static LocalDate date(String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	/**
	 * Reads a CSV file with a header, giving each row's fields by column name; an empty
	 * field is null.
	 */
	static void forEachRow(Path file, Consumer<Row> action) {
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
			Iterator<CsvRecord> rows = reader.iterator();
			if (!rows.hasNext()) {
				return;
			}
			Map<String, Integer> columns = new HashMap<>();
			List<String> header = rows.next().getFields();
			for (int i = 0; i < header.size(); i++) {
				columns.put(header.get(i).strip(), i);
			}
			Row row = new Row(columns);
			while (rows.hasNext()) {
				row.record = rows.next();
				action.accept(row);
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException("Cannot read " + file, failure);
		}
	}

	static final class Row {

		private final Map<String, Integer> columns;

		private CsvRecord record;

		private Row(Map<String, Integer> columns) {
			this.columns = columns;
		}

		String get(String column) {
			Integer index = this.columns.get(column);
			if (index == null) {
				throw new IllegalStateException("No column " + column + " in the header " + this.columns.keySet());
			}
			if (index >= this.record.getFieldCount()) {
				return null;
			}
			String value = this.record.getField(index);
			return value.isEmpty() ? null : value;
		}

	}

}
