package org.barshaga.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One field of a form, rendered by {@code form.html}: its name (also the key of its
 * label, {@code field.<name>}), kind, whether it is required, and the choices of a
 * select, radio or checkbox field.
 */
public record FormField(String name, Kind kind, boolean required, List<Option> options, String hintKey, String label) {

	public enum Kind {

		TEXT, TEXTAREA, DATE, NUMBER, SELECT, RADIOS, CHECKBOXES, HIDDEN

	}

	/** A choice; its label is a message key, or a text already in the user's language. */
	public record Option(String value, String labelKey, String label) {

		public String text(MessageSource messages, Locale locale) {
			return labelKey == null ? label : messages.getMessage(labelKey, null, locale);
		}

	}

	public static FormField text(String name, boolean required) {
		return new FormField(name, Kind.TEXT, required, List.of(), null, null);
	}

	public static FormField textarea(String name, boolean required) {
		return new FormField(name, Kind.TEXTAREA, required, List.of(), null, null);
	}

	public static FormField date(String name, boolean required) {
		return new FormField(name, Kind.DATE, required, List.of(), null, null);
	}

	public static FormField number(String name, boolean required) {
		return new FormField(name, Kind.NUMBER, required, List.of(), null, null);
	}

	public static FormField hidden(String name) {
		return new FormField(name, Kind.HIDDEN, false, List.of(), null, null);
	}

	public static FormField select(String name, boolean required, List<Option> options) {
		return new FormField(name, Kind.SELECT, required, options, null, null);
	}

	public static FormField radios(String name, boolean required, List<Option> options) {
		return new FormField(name, Kind.RADIOS, required, options, null, null);
	}

	public static FormField checkboxes(String name, boolean required, List<Option> options) {
		return new FormField(name, Kind.CHECKBOXES, required, options, null, null);
	}

	public FormField hint(String key) {
		return new FormField(name, kind, required, options, key, label);
	}

	/**
	 * A label already in the user's language, for fields made from data (a plan goal,
	 * say).
	 */
	public FormField labelled(String text) {
		return new FormField(name, kind, required, options, hintKey, text);
	}

	public static List<Option> codes(List<? extends Coded> values) {
		return values.stream().map(v -> new Option(v.name(), v.messageKey(), null)).toList();
	}

	@SafeVarargs
	public static <E extends Enum<E> & Coded> List<Option> codes(E... values) {
		return codes(Arrays.asList(values));
	}

	public static <E extends Enum<E> & Coded> List<Option> codes(Class<E> type) {
		return codes(type.getEnumConstants());
	}

	/** The id of the element a label or error points to. */
	public String id() {
		return "field-" + name;
	}

	public boolean isGroup() {
		return kind == Kind.RADIOS || kind == Kind.CHECKBOXES;
	}

	public String inputType() {
		return switch (kind) {
			case DATE -> "date";
			case NUMBER -> "text";
			case HIDDEN -> "hidden";
			default -> "text";
		};
	}

}
