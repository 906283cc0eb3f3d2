package org.barshaga.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.CsvLine;

/**
 * The administrative units of the seed file {@code db/seed/kz-admin-units.csv} on the
 * classpath (code, parent_code, kind, name_en, name_ru, name_kk), read without a
 * database.
 */
final class AdminUnitsFile {

	static final String RESOURCE = "db/seed/kz-admin-units.csv";

	/** One administrative unit. */
	record Unit(String code, String parent, String kind, String nameEn, String nameRu, String nameKk) {

		/** Cities and city districts; districts are mostly rural. */
		boolean urban() {
			return !kind.equals("district");
		}

	}

	private final Map<String, Unit> units = new LinkedHashMap<>();

	AdminUnitsFile() {
		InputStream in = AdminUnitsFile.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("Missing classpath resource " + RESOURCE);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.replace("\uFEFF", "").startsWith("code,parent_code,kind")) {
				throw new IllegalStateException("Unexpected header in " + RESOURCE + ": " + header);
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				List<String> f = CsvLine.fields(line);
				units.put(f.get(0), new Unit(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	Unit unit(String code) {
		Unit unit = units.get(code);
		if (unit == null) {
			throw new IllegalArgumentException("No administrative unit " + code + " in " + RESOURCE);
		}
		return unit;
	}

	/**
	 * The places of a region where organisations are: its cities and districts, or the
	 * city districts of a city of republican significance; in file order.
	 */
	List<Unit> places(String region) {
		List<Unit> places = new ArrayList<>();
		for (Unit unit : units.values()) {
			if (region.equals(unit.parent())) {
				places.add(unit);
			}
		}
		if (places.isEmpty()) {
			throw new IllegalStateException("No cities or districts under " + region + " in " + RESOURCE);
		}
		return places;
	}

}
