package org.barshaga.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisations other than general schools: their code letter and national number,
 * and those numbers shared out over the regions by pupils. Apart from
 * {@link OrganisationPlan} because the shares are the same for every region's plan and
 * are computed once.
 */
enum SpecialisedKind {

	SPECIAL_SCHOOL('S', 99, 1), SPECIAL_KINDERGARTEN('N', 48, 0), KINDERGARTEN('K', 400, 1), COLLEGE('C', 230, 1),
	PMPC('P', 126, 1), KPPK('T', 238, 1), AUTISM_CENTRE('A', 12, 0), REHABILITATION_CENTRE('H', 14, 0),
	RESOURCE_CENTRE('R', 22, 1);

	final char letter;

	final int national;

	final int minimum;

	SpecialisedKind(char letter, int national, int minimum) {
		this.letter = letter;
		this.national = national;
		this.minimum = minimum;
	}

	private static final Map<String, int[]> ALLOCATION = allocate();

	/** How many of each kind the region has, by ordinal. */
	static int[] countsOf(String regionCode) {
		return ALLOCATION.get(regionCode);
	}

	/** The national numbers of each kind shared out over the regions by pupils. */
	private static Map<String, int[]> allocate() {
		List<RegionProfile> regions = RegionProfile.ALL;
		double[] weights = regions.stream().mapToDouble(RegionProfile::pupils).toArray();
		Map<String, int[]> counts = new HashMap<>();
		for (RegionProfile region : regions) {
			counts.put(region.code(), new int[values().length]);
		}
		for (SpecialisedKind kind : values()) {
			int[] shares = OrganisationPlan.split(kind.national - kind.minimum * regions.size(), weights);
			for (int i = 0; i < regions.size(); i++) {
				counts.get(regions.get(i).code())[kind.ordinal()] = kind.minimum + shares[i];
			}
		}
		return counts;
	}

}
