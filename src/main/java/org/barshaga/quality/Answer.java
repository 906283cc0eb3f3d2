package org.barshaga.quality;

import java.math.BigDecimal;

/**
 * One item's answer: a value, or one of the two answers that give none ("don't know",
 * "not applicable").
 */
public record Answer(BigDecimal value, Kind kind) {

	public enum Kind {

		VALUE, DONT_KNOW, NOT_APPLICABLE

	}

	public static final Answer DONT_KNOW = new Answer(null, Kind.DONT_KNOW);

	public static final Answer NOT_APPLICABLE = new Answer(null, Kind.NOT_APPLICABLE);

	public Answer {
		if ((kind == Kind.VALUE) != (value != null)) {
			throw new IllegalArgumentException("A value answer carries a value, and only it");
		}
	}

	public static Answer of(BigDecimal value) {
		return new Answer(value, Kind.VALUE);
	}

	public static Answer of(long value) {
		return of(BigDecimal.valueOf(value));
	}

	public boolean hasValue() {
		return kind == Kind.VALUE;
	}

}
