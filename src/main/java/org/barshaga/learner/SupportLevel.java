package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/**
 * The three-tier model of support set by the school support service: universal support
 * for every pupil, targeted support for small groups, individual support.
 */
public enum SupportLevel implements Coded {

	UNIVERSAL(1), TARGETED(2), INDIVIDUAL(3);

	private final int number;

	SupportLevel(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	public static SupportLevel of(int number) {
		for (SupportLevel level : values()) {
			if (level.number == number) {
				return level;
			}
		}
		throw new IllegalArgumentException("No support level " + number);
	}

}
