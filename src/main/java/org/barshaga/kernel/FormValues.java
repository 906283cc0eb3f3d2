package org.barshaga.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The values of a submitted form, read as the types a draft needs. Text that is not a
 * date, a number or a known code adds a problem naming the field, so that a form answers
 * every mistake at once and keeps what the user typed.
 */
public final class FormValues {

	private final MultiValueMap<String, String> values;

	private final InvalidInputException.Collector problems = new InvalidInputException.Collector();

	public FormValues(MultiValueMap<String, String> values) {
		this.values = values == null ? new LinkedMultiValueMap<>() : values;
	}

	public static FormValues empty() {
		return new FormValues(new LinkedMultiValueMap<>());
	}

	public MultiValueMap<String, String> raw() {
		return values;
	}

	public String text(String name) {
		String value = values.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	public List<String> all(String name) {
		List<String> all = values.get(name);
		return all == null ? List.of() : all.stream().filter(v -> v != null && !v.isBlank()).toList();
	}

	public LocalDate date(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException invalid) {
			problems.add(name, "validation.date", text);
			return null;
		}
	}

	public Integer integer(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException invalid) {
			problems.add(name, "validation.number", text);
			return null;
		}
	}

	public BigDecimal decimal(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		BigDecimal number = Decimals.parse(text);
		if (number == null) {
			problems.add(name, "validation.decimal", text);
		}
		return number;
	}

	public Long id(String name) {
		Integer value = integer(name);
		return value == null ? null : value.longValue();
	}

	public Boolean bool(String name) {
		String text = text(name);
		return text == null ? null : Boolean.valueOf(text);
	}

	public <E extends Enum<E>> E code(Class<E> type, String name) {
		return EnumInput.parse(type, text(name), name, problems);
	}

	public <E extends Enum<E>> Set<E> codes(Class<E> type, String name) {
		Set<E> set = EnumSet.noneOf(type);
		for (String value : all(name)) {
			E parsed = EnumInput.parse(type, value, name, problems);
			if (parsed != null) {
				set.add(parsed);
			}
		}
		return set;
	}

	/** Values of the fields named {@code prefix.<key>}, by key. */
	public Map<String, String> group(String prefix) {
		Map<String, String> group = new LinkedHashMap<>();
		values.forEach((name, list) -> {
			if (name.startsWith(prefix + ".") && !list.isEmpty() && list.get(0) != null && !list.get(0).isBlank()) {
				group.put(name.substring(prefix.length() + 1), list.get(0).strip());
			}
		});
		return group;
	}

	/**
	 * Throws the values that could not be read before a draft goes to the service, which
	 * would otherwise take an unreadable optional value for an empty one.
	 */
	public void throwIfAny() {
		problems.throwIfAny();
	}

}
