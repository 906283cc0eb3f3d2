package org.barshaga.kernel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The problems of a submitted form, one message per field in the user's language, in the
 * order the fields were checked. Pages show them as an error summary linking to each
 * field.
 */
public record FormErrors(Map<String, String> byField) {

	public static final FormErrors NONE = new FormErrors(Map.of());

	public static FormErrors of(InvalidInputException invalid, MessageSource messages, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (InvalidInputException.Problem problem : invalid.problems()) {
			String label = label(problem.field(), messages, locale);
			String message = messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale);
			byField.merge(problem.field(), label + ": " + message, (a, b) -> a + " " + message);
		}
		return new FormErrors(byField);
	}

	/**
	 * The label of a field in messages as {@code field.<name>}; a field of a repeated
	 * group such as {@code score.17} falls back to the group's label {@code field.score}.
	 */
	private static String label(String field, MessageSource messages, Locale locale) {
		String label = messages.getMessage("field." + field, null, null, locale);
		if (label == null && field.contains(".")) {
			label = messages.getMessage("field." + field.substring(0, field.lastIndexOf('.')), null, null, locale);
		}
		return label == null ? field : label;
	}

	public static FormErrors message(String field, String messageKey, MessageSource messages, Locale locale) {
		return of(InvalidInputException.of(field, messageKey), messages, locale);
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.get(field);
	}

}
