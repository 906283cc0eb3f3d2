package org.barshaga.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;

/** Checks and audit helpers shared by the writes of every section of a record. */
final class RecordChecks {

	private RecordChecks() {
	}

	/**
	 * The entry with the id among a learner's entries of one kind; an id of another
	 * learner's entry is "not found".
	 */
	static <T> T one(List<T> entries, ToLongFunction<T> id, long wanted, String kind) {
		return entries.stream()
			.filter(entry -> id.applyAsLong(entry) == wanted)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(kind, wanted));
	}

	static void require(Object value, String field, InvalidInputException.Collector problems) {
		if (value == null) {
			problems.add(field, "validation.required");
		}
	}

	static void requireText(String text, String field, int max, InvalidInputException.Collector problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, "validation.required");
		}
		else {
			optionalText(text, field, max, problems);
		}
	}

	static void optionalText(String text, String field, int max, InvalidInputException.Collector problems) {
		if (text != null && text.strip().length() > max) {
			problems.add(field, "validation.tooLong", max);
		}
	}

	static String strip(String text) {
		return text == null ? null : text.strip();
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** Audited fields of a sub-record, named {@code prefix.field}. */
	static Map<String, Object> fields(String prefix, Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(prefix + "." + namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
