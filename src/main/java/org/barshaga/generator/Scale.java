package org.barshaga.generator;

import java.util.List;
import java.util.Locale;

/** How much to generate: one small region, one large region, or the whole country. */
enum Scale {

	/** Ulytau Region (KZ-62), the smallest: about 35,000 pupils. */
	DEMO(List.of("KZ-62")),
	/** Turkistan Region (KZ-61), the largest: about 520,000 pupils. */
	REGION(List.of("KZ-61")),
	/**
	 * All 17 regions and 3 cities of republican significance: about 3.5 million pupils.
	 */
	NATIONAL(RegionProfile.ALL.stream().map(RegionProfile::code).toList());

	private final List<String> regions;

	Scale(List<String> regions) {
		this.regions = regions;
	}

	List<RegionProfile> regions() {
		return regions.stream().map(RegionProfile::of).toList();
	}

	/** The scale named on the command line, or null. */
	static Scale parse(String name) {
		if (name == null) {
			return null;
		}
		try {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
