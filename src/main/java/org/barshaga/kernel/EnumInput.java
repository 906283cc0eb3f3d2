package org.barshaga.kernel;

import java.util.Locale;

/** Reads an enum value from user input, naming the field when the value is unknown. */
public final class EnumInput {

	private EnumInput() {
	}

	public static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
			InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			problems.add(field, "validation.unknownValue", value);
			return null;
		}
	}

}
