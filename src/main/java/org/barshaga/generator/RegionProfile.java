package org.barshaga.generator;

import java.util.List;

/**
 * What the generator knows of a region: the published approximate numbers of general
 * schools, pupils and the share of rural schools (see the calibration table), and the
 * language and naming mix of its schools, which is an approximation for data generation.
 *
 * @param index position in the national table; each region draws IIN serials from its own
 * block of 500, so IINs never collide across regions
 * @param russianNames approximate share of people with Russian (and other European)
 * names; the share among pupils taught in Russian is derived from it
 * @param russianSchools share of schools teaching in Russian only
 * @param mixedSchools share of schools teaching in Kazakh and Russian
 * @param minority a further language of instruction (UZ, UG) or null
 * @param minorityShare share of schools that also teach in the minority language
 */
record RegionProfile(int index, String code, int schools, int pupilsThousands, double ruralShare, double russianNames,
		double russianSchools, double mixedSchools, String minority, double minorityShare, List<String> neighbours) {

	static final List<RegionProfile> ALL = List.of(
			new RegionProfile(0, "KZ-10", 350, 100, 0.75, 0.15, 0.10, 0.20, null, 0,
					List.of("KZ-63", "KZ-35", "KZ-55", "KZ-33")),
			new RegionProfile(1, "KZ-11", 600, 100, 0.85, 0.40, 0.30, 0.25, null, 0,
					List.of("KZ-71", "KZ-35", "KZ-55", "KZ-59", "KZ-39")),
			new RegionProfile(2, "KZ-15", 400, 175, 0.70, 0.10, 0.06, 0.15, null, 0,
					List.of("KZ-27", "KZ-23", "KZ-47", "KZ-43", "KZ-62", "KZ-39")),
			new RegionProfile(3, "KZ-19", 500, 260, 0.80, 0.10, 0.05, 0.20, "UG", 0.05,
					List.of("KZ-75", "KZ-33", "KZ-31", "KZ-35")),
			new RegionProfile(4, "KZ-23", 200, 140, 0.60, 0.03, 0.02, 0.10, null, 0,
					List.of("KZ-27", "KZ-15", "KZ-47")),
			new RegionProfile(5, "KZ-27", 380, 110, 0.80, 0.20, 0.12, 0.20, null, 0, List.of("KZ-23", "KZ-15")),
			new RegionProfile(6, "KZ-31", 470, 220, 0.75, 0.06, 0.04, 0.15, null, 0,
					List.of("KZ-61", "KZ-19", "KZ-35", "KZ-62")),
			new RegionProfile(7, "KZ-33", 400, 130, 0.80, 0.15, 0.08, 0.20, "UG", 0.04,
					List.of("KZ-19", "KZ-10", "KZ-35")),
			new RegionProfile(8, "KZ-35", 450, 190, 0.45, 0.35, 0.25, 0.30, null, 0,
					List.of("KZ-11", "KZ-55", "KZ-10", "KZ-62", "KZ-31", "KZ-19", "KZ-33")),
			new RegionProfile(9, "KZ-39", 550, 95, 0.80, 0.40, 0.35, 0.25, null, 0,
					List.of("KZ-59", "KZ-11", "KZ-15", "KZ-62")),
			new RegionProfile(10, "KZ-43", 300, 170, 0.70, 0.02, 0.02, 0.08, null, 0,
					List.of("KZ-61", "KZ-62", "KZ-15")),
			new RegionProfile(11, "KZ-47", 150, 170, 0.45, 0.04, 0.03, 0.12, null, 0, List.of("KZ-23", "KZ-15")),
			new RegionProfile(12, "KZ-55", 350, 110, 0.65, 0.35, 0.25, 0.30, null, 0,
					List.of("KZ-11", "KZ-35", "KZ-10", "KZ-59")),
			new RegionProfile(13, "KZ-59", 450, 60, 0.90, 0.45, 0.45, 0.20, null, 0,
					List.of("KZ-11", "KZ-39", "KZ-55")),
			new RegionProfile(14, "KZ-61", 1000, 520, 0.85, 0.02, 0.02, 0.08, "UZ", 0.07,
					List.of("KZ-79", "KZ-31", "KZ-43", "KZ-62")),
			new RegionProfile(15, "KZ-62", 80, 35, 0.50, 0.08, 0.05, 0.20, null, 0,
					List.of("KZ-35", "KZ-43", "KZ-61", "KZ-39", "KZ-15")),
			new RegionProfile(16, "KZ-63", 400, 110, 0.65, 0.40, 0.30, 0.25, null, 0, List.of("KZ-10", "KZ-55")),
			new RegionProfile(17, "KZ-71", 200, 250, 0.00, 0.12, 0.10, 0.35, null, 0, List.of("KZ-11")),
			new RegionProfile(18, "KZ-75", 280, 330, 0.00, 0.20, 0.12, 0.45, "UG", 0.02, List.of("KZ-19")),
			new RegionProfile(19, "KZ-79", 150, 260, 0.05, 0.05, 0.04, 0.15, "UZ", 0.10, List.of("KZ-61")));

	/** Pupils in all regions of the table. */
	static final int NATIONAL_PUPILS = ALL.stream().mapToInt(r -> r.pupilsThousands() * 1000).sum();

	/** General schools in all regions of the table. */
	static final int NATIONAL_SCHOOLS = ALL.stream().mapToInt(RegionProfile::schools).sum();

	static RegionProfile of(String code) {
		return ALL.stream()
			.filter(r -> r.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No such region: " + code));
	}

	int pupils() {
		return pupilsThousands * 1000;
	}

	/** Share of Russian names among pupils taught in Russian. */
	double russianNamesInRussianClasses() {
		return Math.min(0.9, 0.15 + russianNames * 1.8);
	}

}
