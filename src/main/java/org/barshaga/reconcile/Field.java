package org.barshaga.reconcile;

import java.util.List;

/**
 * The fields compared between a health record and a pupil, each with its agreement levels
 * from the weakest to the strongest. Level 0 is always "missing", which weighs nothing;
 * the others get the weight log2(m/u) of the Fellegi-Sunter model.
 */
enum Field {

	IIN(List.of("MISSING", "DIFFERENT", "ONE_EDIT", "EXACT")),

	SURNAME(List.of("MISSING", "DIFFERENT", "SIMILAR", "CLOSE", "EXACT")),

	GIVEN_NAME(List.of("MISSING", "DIFFERENT", "SIMILAR", "CLOSE", "EXACT")),

	PATRONYMIC(List.of("MISSING", "DIFFERENT", "SIMILAR", "EXACT")),

	BIRTH_DATE(List.of("MISSING", "DIFFERENT", "CLOSE", "DAY_MONTH_SWAPPED", "EXACT")),

	SEX(List.of("MISSING", "DIFFERENT", "SAME")),

	PLACE(List.of("MISSING", "DIFFERENT", "SAME_REGION", "SAME_DISTRICT"));

	static final Field[] ALL = values();

	/** Bits of a packed comparison vector given to each field. */
	static final int BITS = 3;

	final List<String> levels;

	Field(List<String> levels) {
		this.levels = levels;
	}

	int levelCount() {
		return levels.size();
	}

	int top() {
		return levels.size() - 1;
	}

	/** The level of this field in a packed comparison vector. */
	int of(int vector) {
		return (vector >>> (ordinal() * BITS)) & ((1 << BITS) - 1);
	}

	int with(int vector, int level) {
		int shift = ordinal() * BITS;
		return (vector & ~(((1 << BITS) - 1) << shift)) | (level << shift);
	}

	/** The vector as text, for example {@code IIN:EXACT SURNAME:CLOSE ...}. */
	static String describe(int vector) {
		StringBuilder s = new StringBuilder();
		for (Field f : ALL) {
			if (!s.isEmpty()) {
				s.append(' ');
			}
			s.append(f.name()).append(':').append(f.levels.get(f.of(vector)));
		}
		return s.toString();
	}

}
