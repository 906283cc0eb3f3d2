package org.barshaga.indicators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.barshaga.kernel.InvalidInputException;

/**
 * Keeps the facts whose value of a dimension is one of a set, written
 * {@code FORM=INCLUSIVE_CLASS|SPECIAL_CLASS}; several are separated by {@code ;}.
 */
public record Filter(Dimension dimension, Set<String> values) {

	public Filter {
		values = Set.copyOf(values);
	}

	/** Parses a filter text; none gives an empty list. Problems name the field. */
	static List<Filter> parse(String text, String field, InvalidInputException.Collector problems) {
		List<Filter> filters = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return filters;
		}
		for (String part : text.split(";")) {
			int equals = part.indexOf('=');
			Dimension dimension = equals < 0 ? null : dimension(part.substring(0, equals).strip());
			if (dimension == null) {
				problems.add(field, "validation.indicator.filter", part.strip());
				continue;
			}
			Set<String> values = new LinkedHashSet<>();
			for (String value : part.substring(equals + 1).split("\\|")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
			if (values.isEmpty()) {
				problems.add(field, "validation.indicator.filterEmpty", dimension.name());
				continue;
			}
			for (String value : values) {
				if (dimension.index(value) < 0) {
					problems.add(field, "validation.indicator.filterValue", value, dimension.name());
				}
			}
			filters.add(new Filter(dimension, values));
		}
		return filters;
	}

	static String format(List<Filter> filters) {
		return filters.isEmpty() ? null
				: filters.stream()
					.map(f -> f.dimension.name() + "="
							+ f.dimension.codes().stream().filter(f.values::contains).collect(Collectors.joining("|")))
					.collect(Collectors.joining(";"));
	}

	private static Dimension dimension(String name) {
		for (Dimension dimension : Dimension.values()) {
			if (dimension.name().equals(name)) {
				return dimension;
			}
		}
		return null;
	}

}
