package org.barshaga.reporting;

import java.util.Optional;

import org.barshaga.kernel.Role;

/**
 * The levels of the approval chain, read from a materialised path: a school is approved
 * by the district it lies in (the unit two levels below the country), a district by its
 * region, a region by the Ministry. A school directly under a region has no district, and
 * its region approves it.
 */
final class Chain {

	private Chain() {
	}

	/** A level of the chain: the role that decides there and the unit it is bound to. */
	record Level(Role role, String path, String code) {
	}

	static Optional<Level> districtOf(String path) {
		String[] parts = parts(path);
		return parts.length >= 4 ? Optional.of(new Level(Role.DISTRICT_OFFICER, prefix(parts, 3), parts[2]))
				: Optional.empty();
	}

	static Optional<Level> regionOf(String path) {
		String[] parts = parts(path);
		return parts.length >= 3 ? Optional.of(new Level(Role.REGION_OFFICER, prefix(parts, 2), parts[1]))
				: Optional.empty();
	}

	/** Who decides on a school's submission. */
	static Optional<Level> approverOf(String schoolPath) {
		return districtOf(schoolPath).or(() -> regionOf(schoolPath));
	}

	private static String[] parts(String path) {
		return path.substring(1).split("/");
	}

	private static String prefix(String[] parts, int count) {
		StringBuilder prefix = new StringBuilder("/");
		for (int i = 0; i < count; i++) {
			prefix.append(parts[i]).append('/');
		}
		return prefix.toString();
	}

}
