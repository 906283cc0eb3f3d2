package org.barshaga.learner;

/** The two age versions of the Child Functioning Module, each with its own questions. */
public enum CfmAgeGroup {

	AGES_2_4("2-4"), AGES_5_17("5-17");

	private final String label;

	CfmAgeGroup(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The age group with the given label such as {@code "5-17"}, or null if none has it.
	 */
	public static CfmAgeGroup fromLabel(String label) {
		if (label == null) {
			return null;
		}
		for (CfmAgeGroup group : values()) {
			if (group.label.equals(label.strip())) {
				return group;
			}
		}
		return null;
	}

}
