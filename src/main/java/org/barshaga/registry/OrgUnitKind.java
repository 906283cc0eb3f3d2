package org.barshaga.registry;

import java.util.Arrays;

/**
 * The levels of the administrative hierarchy, as written in the seed file and the
 * database.
 */
public enum OrgUnitKind {

	COUNTRY("country"), REGION("region"), CITY_OF_REPUBLICAN_SIGNIFICANCE("city_of_republican_significance"),
	DISTRICT("district"), CITY("city"), CITY_DISTRICT("city_district"), RURAL_DISTRICT("rural_district"),
	SETTLEMENT("settlement");

	private final String code;

	OrgUnitKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static OrgUnitKind ofCode(String code) {
		return Arrays.stream(values())
			.filter(kind -> kind.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown unit kind " + code));
	}

	/**
	 * Regions and the three cities of republican significance: the top level under the
	 * country.
	 */
	public boolean isTopLevel() {
		return this == REGION || this == CITY_OF_REPUBLICAN_SIGNIFICANCE;
	}

	/**
	 * Districts, cities of regional significance and city districts: where district
	 * departments sit.
	 */
	public boolean isDistrictLevel() {
		return this == DISTRICT || this == CITY || this == CITY_DISTRICT;
	}

	public String messageKey() {
		return "unit.kind." + code;
	}

}
