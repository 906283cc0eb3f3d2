package org.barshaga.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The conclusions of a region's PMPCs: the SEN categories drawn, the programme, the
 * conditions and the recommended hours of each specialist. The categories of the last
 * conclusion written are remembered, because the functioning answers and the plan of the
 * same learner follow from them.
 */
final class PmpcConclusions {

	static final String[] CATEGORIES = { "SPEECH", "DEVELOPMENTAL_DELAY", "INTELLECTUAL", "AUTISM", "MOTOR", "HEARING",
			"VISION", "EMOTIONAL_BEHAVIOURAL", "SOMATIC", "MULTIPLE" };

	private static final double[] CATEGORY_WEIGHTS = { 0.22, 0.24, 0.16, 0.08, 0.07, 0.04, 0.04, 0.06, 0.05, 0.04 };

	private static final String[] CONDITIONS = { "ASSISTIVE_TECHNOLOGY", "BRAILLE", "ENLARGED_PRINT", "AUDIO_MATERIALS",
			"SIGN_LANGUAGE", "TRANSPORT", "ACCESSIBLE_ENVIRONMENT" };

	/** Specialists a learner of each category may need, most needed first. */
	private static final String[][] SPECIALISTS = {
			{ "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST", "SPECIAL_TEACHER" },
			{ "SPECIAL_TEACHER", "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST" },
			{ "SPECIAL_TEACHER", "TEACHER_ASSISTANT", "SPEECH_THERAPIST" },
			{ "TUTOR", "EDUCATIONAL_PSYCHOLOGIST", "SPEECH_THERAPIST" },
			{ "TEACHER_ASSISTANT", "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR" },
			{ "SPECIAL_TEACHER", "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST" },
			{ "SPECIAL_TEACHER", "EDUCATIONAL_PSYCHOLOGIST", "TEACHER_ASSISTANT" },
			{ "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR", "SPECIAL_TEACHER" },
			{ "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR", "TEACHER_ASSISTANT" },
			{ "SPECIAL_TEACHER", "TEACHER_ASSISTANT", "SPEECH_THERAPIST" } };

	/** What a conclusion says besides its number, date and form. */
	record Written(String categories, String programme, String conditions, String services) {
	}

	private final CsvFile conclusions;

	private final SplittableRandom random;

	private final String regionCode;

	private final int year;

	/** The second SEN category of the last conclusion written, or null. */
	private String secondCategory;

	private Written last;

	PmpcConclusions(CsvFile conclusions, SplittableRandom random, String regionCode, int schoolYear) {
		this.conclusions = conclusions;
		this.random = random;
		this.regionCode = regionCode;
		this.year = schoolYear;
	}

	/** The specialists a learner of the category may need, most needed first. */
	static String[] specialists(int category) {
		return SPECIALISTS[category];
	}

	int drawCategory() {
		return RegionDraws.pick(random, CATEGORY_WEIGHTS);
	}

	static int categoryIndex(String category) {
		for (int i = 0; i < CATEGORIES.length; i++) {
			if (CATEGORIES[i].equals(category)) {
				return i;
			}
		}
		throw new IllegalArgumentException(category);
	}

	/**
	 * Writes the conclusion and answers the recommended weekly hours in halves, by
	 * specialist index of the category's list.
	 */
	int[] write(String iin, Organisation pmpc, LocalDate concluded, int primary, String form) {
		String[] specialists = SPECIALISTS[primary];
		int[] halves = new int[specialists.length];
		double countDraw = random.nextDouble();
		int count = countDraw < 0.4 ? 1 : countDraw < 0.8 ? 2 : 3;
		for (int i = 0; i < count; i++) {
			halves[i] = hoursInHalves(specialists[i]);
		}
		int offset = concluded.getYear() - (year - 7);
		int sequence = ++pmpc.conclusionsByYear[Math.max(0, Math.min(7, offset))];
		StringBuilder number = new StringBuilder(24).append(regionCode, 3, 5)
			.append('-')
			.append(pmpc.pmpcOrdinal < 10 ? "0" : "")
			.append(pmpc.pmpcOrdinal)
			.append('/')
			.append(concluded.getYear())
			.append('/')
			.append(sequence);
		StringBuilder categories = new StringBuilder(CATEGORIES[primary]);
		secondCategory = null;
		if (!CATEGORIES[primary].equals("MULTIPLE") && random.nextDouble() < 0.2) {
			int second = drawCategory();
			if (second != primary && !CATEGORIES[second].equals("MULTIPLE")) {
				categories.append('|').append(CATEGORIES[second]);
				secondCategory = CATEGORIES[second];
			}
		}
		int reviewYears = random.nextDouble() < 0.55 ? 1 : random.nextDouble() < 0.67 ? 2 : 3;
		StringBuilder services = new StringBuilder(64);
		for (int i = 0; i < specialists.length; i++) {
			if (halves[i] > 0) {
				if (!services.isEmpty()) {
					services.append('|');
				}
				services.append(specialists[i]).append(':').append(halves[i] / 2);
				if (halves[i] % 2 == 1) {
					services.append(".5");
				}
			}
		}
		String programme = programme(primary);
		String conditions = conditions(primary);
		last = new Written(categories.toString(), programme, conditions, services.toString());
		conclusions.text(iin)
			.text(number.toString())
			.date(concluded)
			.text(pmpc.code)
			.text(last.categories())
			.text(programme)
			.text(form)
			.text(conditions)
			.date(concluded.plusYears(reviewYears))
			.text(last.services())
			.endRow();
		return halves;
	}

	/** The last conclusion written. */
	Written last() {
		return last;
	}

	/** The categories of the last conclusion written, the primary first. */
	String[] categories(int primary) {
		return secondCategory == null ? new String[] { CATEGORIES[primary] }
				: new String[] { CATEGORIES[primary], secondCategory };
	}

	private int hoursInHalves(String specialist) {
		return switch (specialist) {
			case "TEACHER_ASSISTANT", "TUTOR" -> 4 + random.nextInt(5);
			case "SPECIAL_TEACHER" -> 2 + random.nextInt(5);
			case "SPEECH_THERAPIST" -> 2 + random.nextInt(3);
			default -> 1 + random.nextInt(3);
		};
	}

	private String programme(int primary) {
		return switch (CATEGORIES[primary]) {
			case "SPEECH" -> random.nextDouble() < 0.6 ? "GENERAL_ADAPTED" : "SPECIAL_SPEECH";
			case "DEVELOPMENTAL_DELAY" -> "SPECIAL_DEVELOPMENTAL_DELAY";
			case "INTELLECTUAL" ->
				random.nextDouble() < 0.75 ? "SPECIAL_INTELLECTUAL_MILD" : "SPECIAL_INTELLECTUAL_MODERATE";
			case "AUTISM" -> random.nextDouble() < 0.6 ? "GENERAL_ADAPTED" : "SPECIAL_INTELLECTUAL_MILD";
			case "MOTOR" -> random.nextDouble() < 0.5 ? "GENERAL_ADAPTED" : "SPECIAL_MOTOR";
			case "HEARING" -> "SPECIAL_HEARING";
			case "VISION" -> "SPECIAL_VISION";
			case "SOMATIC" -> "GENERAL";
			case "MULTIPLE" -> "SPECIAL_INTELLECTUAL_MODERATE";
			default -> "GENERAL_ADAPTED";
		};
	}

	private String conditions(int primary) {
		boolean[] chosen = new boolean[CONDITIONS.length];
		switch (CATEGORIES[primary]) {
			case "HEARING" -> {
				chosen[4] = random.nextDouble() < 0.6;
				chosen[0] = random.nextDouble() < 0.5;
			}
			case "VISION" -> {
				boolean braille = random.nextDouble() < 0.25;
				chosen[1] = braille;
				chosen[2] = !braille && random.nextDouble() < 0.8;
				chosen[3] = random.nextDouble() < 0.4;
				chosen[0] = random.nextDouble() < 0.4;
			}
			case "MOTOR" -> {
				chosen[6] = random.nextDouble() < 0.9;
				chosen[5] = random.nextDouble() < 0.4;
				chosen[0] = random.nextDouble() < 0.2;
			}
			case "MULTIPLE" -> {
				chosen[6] = random.nextDouble() < 0.5;
				chosen[5] = random.nextDouble() < 0.3;
			}
			case "AUTISM" -> chosen[0] = random.nextDouble() < 0.15;
			default -> chosen[5] = random.nextDouble() < 0.05;
		}
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < CONDITIONS.length; i++) {
			if (chosen[i]) {
				list.append(list.isEmpty() ? "" : "|").append(CONDITIONS[i]);
			}
		}
		return list.toString();
	}

}
