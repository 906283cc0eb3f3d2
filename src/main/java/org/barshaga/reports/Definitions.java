package org.barshaga.reports;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Filter;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.Measure;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes indicator definitions out in the user's language. */
@Component
class Definitions {

	private final MessageSource messages;

	Definitions(MessageSource messages) {
		this.messages = messages;
	}

	Definition of(Indicator indicator, Locale locale) {
		return new Definition(indicator.code(), indicator.name().in(locale), indicator.description().in(locale),
				indicator.unit().name(), measure(indicator.numerator(), indicator.numeratorFilter(), locale),
				indicator.denominator() == null ? null
						: measure(indicator.denominator(), indicator.denominatorFilter(), locale),
				indicator.disaggregations()
					.stream()
					.map(d -> messages.getMessage(d.messageKey(), null, locale))
					.toList(),
				indicator.better().messageKey(), indicator.productDefault(), indicator.countsChildren());
	}

	/**
	 * A measure's label, with the values its filters keep: "Children (Form: inclusive
	 * class)".
	 */
	String measure(Measure measure, List<Filter> filters, Locale locale) {
		String label = messages.getMessage(measure.messageKey(), null, locale);
		if (filters.isEmpty()) {
			return label;
		}
		String kept = filters.stream().map(filter -> filter(filter, locale)).collect(Collectors.joining("; "));
		return messages.getMessage("catalogue.measureFiltered", new Object[] { label, kept }, locale);
	}

	private String filter(Filter filter, Locale locale) {
		Dimension dimension = filter.dimension();
		String values = dimension.codes()
			.stream()
			.filter(filter.values()::contains)
			.map(code -> messages.getMessage(dimension.messageKey(code), null, locale))
			.collect(Collectors.joining(", "));
		return messages.getMessage(dimension.messageKey(), null, locale) + ": " + values;
	}

}
