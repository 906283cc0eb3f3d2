package org.barshaga.quality;

/**
 * What kind of answer an item takes. Likert, yes/no and single choice take one of the
 * item's option values, multiple choice any of them, number a number within the item's
 * bounds, text free text (never scored).
 */
public enum ItemType {

	LIKERT, YES_NO, SINGLE, MULTIPLE, NUMBER, TEXT;

	/** Types whose answer is one option value, and so can stand on a scale. */
	boolean scorable() {
		return this == LIKERT || this == YES_NO || this == SINGLE;
	}

	boolean hasOptions() {
		return this != NUMBER && this != TEXT;
	}

}
