package org.barshaga.exchange;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a record of another ministry's register lies: the child's region of residence
 * and, when given, the district below it. The health registry and the social-protection
 * register place their records by the same rule, so that the same user sees both.
 */
final class Residence {

	/**
	 * Regions and cities of republican significance lie directly below the country; their
	 * districts, cities and city districts one level further down.
	 */
	static final long REGION_DEPTH = 3;

	private Residence() {
	}

	/**
	 * The path of the row's district when it names one, else of its region; null after
	 * saying why the region or the district is not one the row may name.
	 */
	static String path(References references, ParsedRow row, int region, int district, List<Rejection> problems) {
		String path = Checks.unit(references, row, region, "region_code", problems);
		if (path != null && depth(path) != REGION_DEPTH) {
			problems.add(new Rejection(row.line(), "region_code", row.raw(region), "exchange.reason.notRegion"));
			path = null;
		}
		if (row.text(district) == null) {
			return path;
		}
		String districtPath = district(references, row, region, district, path, problems);
		return districtPath != null ? districtPath : path;
	}

	/**
	 * The path of the row's district, or null after saying why it is not a district of
	 * the row's region (whose path is null when it is not a region itself).
	 */
	private static String district(References references, ParsedRow row, int region, int district, String regionPath,
			List<Rejection> problems) {
		String path = Checks.unit(references, row, district, "district_code", problems);
		if (path == null) {
			return null;
		}
		if (depth(path) != REGION_DEPTH + 1) {
			problems.add(new Rejection(row.line(), "district_code", row.raw(district), "exchange.reason.notDistrict"));
			return null;
		}
		if (regionPath != null && !path.startsWith(regionPath)) {
			problems.add(new Rejection(row.line(), "district_code", row.raw(district),
					"exchange.reason.districtOutsideRegion", row.text(region)));
			return null;
		}
		return path;
	}

	/**
	 * Refuses a row that would overwrite a record lying outside a user's scope who does
	 * not see the whole country: a record id is the other register's, so it may already
	 * name a child of another region.
	 */
	static void keptInScope(JdbcClient jdbc, ImportContext context, String table, ParsedRow row, int id,
			List<Rejection> problems) {
		String existing = jdbc.sql("SELECT path FROM " + table + " WHERE record_id = ?")
			.param(row.text(id))
			.query(String.class)
			.optional()
			.orElse(null);
		if (existing != null && !context.actor().scope().contains(existing)) {
			problems.add(new Rejection(row.line(), "record_id", row.raw(id), "exchange.reason.outOfScope"));
		}
	}

	/**
	 * The number of slashes in a path: 3 for a region (/KZ/KZ-61/), 4 for its districts.
	 */
	private static long depth(String path) {
		return path.chars().filter(c -> c == '/').count();
	}

}
