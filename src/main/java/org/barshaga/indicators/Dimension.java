package org.barshaga.indicators;

import java.util.Arrays;
import java.util.List;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.learner.EducationForm;
import org.barshaga.learner.SenCategory;

/**
 * A way of dividing a figure: each value is a code with a label in the three languages.
 */
public enum Dimension {

	SETTLEMENT(List.of("URBAN", "RURAL")), SEX(List.of("MALE", "FEMALE")),
	AGE_GROUP(List.of("AGE_0_6", "AGE_7_10", "AGE_11_14", "AGE_15_17", "AGE_18_PLUS")),
	FORM(names(EducationForm.values())), SUPPORT_LEVEL(List.of("UNIVERSAL", "TARGETED", "INDIVIDUAL", "NONE")),
	SEN_CATEGORY(names(SenCategory.values())), SPECIALIST(names(SpecialistType.values())),
	TERM(List.of("TERM_1", "TERM_2", "TERM_3", "TERM_4")),
	/**
	 * Whether a learner's recommended hours were delivered in the term: at least 80% of
	 * them, below, or none recommended.
	 */
	SUPPORT_DELIVERED(List.of("AT_LEAST_80", "BELOW_80", "NO_HOURS")),
	/**
	 * Whether a pupil of the enrolment extract is a learner with SEN (a conclusion made
	 * by the census day) or one of their peers.
	 */
	LEARNER_GROUP(List.of("SEN", "PEER")),
	/**
	 * A scale of a survey the product ships: the three dimensions of the school
	 * self-review, the teachers' three efficacy scales and their attitudes, the parents',
	 * the pupils' and the barriers' scales.
	 */
	QUALITY_SCALE(List.of("CULTURES", "POLICIES", "PRACTICES", "INSTRUCTION", "COLLABORATION", "BEHAVIOUR", "ATTITUDES",
			"PARTNERSHIP", "SUPPORT", "WELLBEING", "DISCRIMINATION", "BELONGING", "HELP", "LEFT_OUT", "INFRASTRUCTURE",
			"STAFF", "FUNDING", "ADMINISTRATION", "SOCIAL")),
	/** A survey the product ships, by its instrument's code. */
	SURVEY(List.of("SCHOOL_SELF_REVIEW", "TEACHER_EFFICACY", "PARENT_SEN", "PUPIL_VOICE", "BARRIERS"));

	private final List<String> values;

	Dimension(List<String> values) {
		this.values = values;
	}

	public List<String> codes() {
		return values;
	}

	/** The position of a value, or -1 for a code that is not one. */
	public int index(String value) {
		return values.indexOf(value);
	}

	public String messageKey() {
		return "indicator.dimension." + name();
	}

	public String messageKey(String value) {
		return "indicator.value." + name() + "." + value;
	}

	/** The age group of an age in whole years on the census day. */
	static String ageGroup(int age) {
		return age <= 6 ? "AGE_0_6"
				: age <= 10 ? "AGE_7_10" : age <= 14 ? "AGE_11_14" : age <= 17 ? "AGE_15_17" : "AGE_18_PLUS";
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
