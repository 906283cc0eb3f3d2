package org.barshaga.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The conditions survey of each school for the school year: about 95% report that the
 * conditions for inclusion are created, while a step-free entrance and an accessible
 * toilet are both present in about 62% of urban and 17% of rural schools; the other items
 * at plausible rates, with rooms and materials more common in cities and special schools,
 * and some items not surveyed.
 */
final class Surveys {

	private static final String PRESENT = "PRESENT";

	private static final String PARTIAL = "PARTIAL";

	private static final String ABSENT = "ABSENT";

	private static final String NOT_APPLICABLE = "NOT_APPLICABLE";

	/** Share of schools with both a step-free entrance and an accessible toilet. */
	static final double ADAPTED_URBAN = 0.62;

	static final double ADAPTED_RURAL = 0.17;

	/**
	 * From {@code tactile_guidance} on, items in the order of the layout: chance present
	 * in an urban and a rural school, and chance partial when not present.
	 */
	private static final double[][] OTHER_ITEMS = { { 0.15, 0.03, 0.10 }, { 0.10, 0.02, 0.05 }, { 0.03, 0.005, 0.02 },
			{ -1, -1, -1 }, { 0.35, 0.15, 0.20 }, { 0.08, 0.02, 0.05 }, { 0.25, 0.10, 0.15 }, { 0.30, 0.12, 0.15 },
			{ 0.15, 0.05, 0.10 }, { 0.10, 0.03, 0.05 }, { 0.30, 0.10, 0.20 }, { 0.05, 0.01, 0.03 },
			{ 0.25, 0.08, 0.10 }, { 0.12, 0.04, 0.05 }, { 0.20, 0.06, 0.08 }, { 0.85, 0.55, 0.10 },
			{ 0.55, 0.20, 0.15 } };

	private static final int FIRST_OTHER = 5;

	private static final int FIRST_MATERIAL = 10;

	private static final int LAST_MATERIAL = 16;

	private final Output out;

	private final SplittableRandom random;

	private final int year;

	/**
	 * Rooms and materials relative to the country: high in the big cities, low in the
	 * west and south.
	 */
	private final double regionFactor;

	Surveys(Output out, SplittableRandom random, RegionProfile region, int schoolYear) {
		this.out = out;
		this.random = random;
		this.year = schoolYear;
		this.regionFactor = switch (region.code()) {
			case "KZ-71", "KZ-75" -> 1.3;
			case "KZ-47", "KZ-31", "KZ-43" -> 0.75;
			default -> 1.0;
		};
	}

	void school(Organisation school) {
		String[] items = new String[Output.CONDITION_ITEMS.length];
		boolean special = school.isSpecialSchool();
		boolean urban = school.urban;
		boolean adapted = random.nextDouble() < (special ? 0.85 : urban ? ADAPTED_URBAN : ADAPTED_RURAL);
		if (adapted) {
			items[0] = PRESENT;
			items[3] = PRESENT;
		}
		else {
			items[0] = draw(0.35, 0.45);
			items[3] = items[0].equals(PRESENT) ? (random.nextDouble() < 0.4 ? PARTIAL : ABSENT) : draw(0.2, 0.25);
		}
		items[1] = adapted ? (random.nextDouble() < 0.8 ? PRESENT : PARTIAL) : draw(0.25, 0.4);
		boolean oneStorey = random.nextDouble() < (urban ? 0.1 : 0.65);
		items[2] = oneStorey ? NOT_APPLICABLE : adapted ? draw(0.5, 0.4) : draw(0.05, 0.05);
		items[4] = draw(urban ? 0.7 : 0.5, 0.6);
		double boost = special ? 3 : regionFactor;
		for (int i = FIRST_OTHER; i < items.length - 1; i++) {
			double[] rates = OTHER_ITEMS[i - FIRST_OTHER];
			if (rates[0] < 0) {
				// accessible canteen follows the building
				items[i] = adapted ? draw(0.7, 0.5) : draw(0.2, 0.3);
				continue;
			}
			items[i] = draw(Math.min(0.9, (urban ? rates[0] : rates[1]) * boost), rates[2]);
		}
		int transport = items.length - 1;
		if (urban) {
			items[transport] = random.nextDouble() < 0.7 ? NOT_APPLICABLE : draw(0.2, 0.1);
		}
		else {
			items[transport] = random.nextDouble() < 0.2 ? NOT_APPLICABLE : draw(0.35, 0.15);
		}
		boolean materialsSkipped = random.nextDouble() < 0.03;
		for (int i = 0; i < items.length; i++) {
			if ((materialsSkipped && i >= FIRST_MATERIAL && i <= LAST_MATERIAL) || random.nextDouble() < 0.02) {
				items[i] = null;
			}
		}
		LocalDate reported = LocalDate.of(year, 9, 5 + random.nextInt(24));
		if (reported.getDayOfWeek() == DayOfWeek.SATURDAY) {
			reported = reported.minusDays(1);
		}
		else if (reported.getDayOfWeek() == DayOfWeek.SUNDAY) {
			reported = reported.plusDays(1);
		}
		out.conditions.text(school.code).number(year).bool(random.nextDouble() < 0.95).date(reported);
		for (String item : items) {
			out.conditions.text(item);
		}
		out.conditions.endRow();
	}

	/**
	 * PRESENT with the chance given, else PARTIAL with the second chance, else ABSENT.
	 */
	private String draw(double present, double partial) {
		if (random.nextDouble() < present) {
			return PRESENT;
		}
		return random.nextDouble() < partial ? PARTIAL : ABSENT;
	}

}
