package org.barshaga.reports;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Measure;
import org.barshaga.kernel.LocalizedName;

import org.springframework.context.MessageSource;

/**
 * The open data of one indicator as the JSON download gives it: the definition, the
 * school year and its census day, and each place's figures with the flag that tells a
 * suppressed cell from one with no data. Field names are for programs: codes, ISO dates,
 * numbers with a dot, names in the three languages.
 */
record OpenData(Definition indicator, int year, String census, String referenceMonth, Place orgUnit, String level,
		int suppressionThreshold, Record figuresOfRecord, List<Cell> values) {

	/**
	 * The revision of the figures of record the values are, and the day it was approved;
	 * none for live figures.
	 */
	record Record(int revision, String approvedOn, String reason) {
	}

	/** Cells that count fewer children than this are published suppressed. */
	static final int SUPPRESSION_THRESHOLD = 5;

	record Definition(String id, Map<String, String> name, Map<String, String> description, String unit, Part numerator,
			Part denominator, List<String> disaggregations, String better, boolean countsChildren) {
	}

	/**
	 * A numerator or denominator: the measure, the filter that keeps part of it, its
	 * label.
	 */
	record Part(String measure, String filter, Map<String, String> label, boolean countsChildren) {
	}

	record Place(String code, Map<String, String> name) {
	}

	record Cell(String orgUnit, Map<String, String> name, BigDecimal numerator, BigDecimal denominator,
			BigDecimal value, boolean suppressed, boolean noData) {
	}

	static OpenData of(IndicatorResult result, List<IndicatorValue> cells, Record figuresOfRecord,
			MessageSource messages) {
		Indicator indicator = result.indicator();
		Definition definition = new Definition(indicator.code(), names(indicator.name()),
				names(indicator.description()), indicator.unit().name(),
				part(indicator.numerator(), indicator.numeratorFilterText(), messages),
				indicator.denominator() == null ? null
						: part(indicator.denominator(), indicator.denominatorFilterText(), messages),
				indicator.disaggregations().stream().map(Enum::name).toList(), indicator.better().name(),
				indicator.countsChildren());
		return new OpenData(definition, result.year(), result.census().toString(),
				result.referenceMonth() == null ? null : result.referenceMonth().toString(),
				new Place(result.place().code(), names(result.place().name())), result.level().name(),
				SUPPRESSION_THRESHOLD, figuresOfRecord,
				cells.stream()
					.map(cell -> new Cell(cell.orgUnit(), cell.name() == null ? null : names(cell.name()),
							cell.numerator(), cell.denominator(), cell.value(), cell.suppressed(), cell.noData()))
					.toList());
	}

	private static Part part(Measure measure, String filter, MessageSource messages) {
		Map<String, String> label = new LinkedHashMap<>();
		for (String language : List.of("kk", "ru", "en")) {
			label.put(language, messages.getMessage(measure.messageKey(), null, Locale.forLanguageTag(language)));
		}
		return new Part(measure.name(), filter, label, measure.countsChildren());
	}

	static Map<String, String> names(LocalizedName name) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("kk", name.kk());
		names.put("ru", name.ru());
		names.put("en", name.en());
		return names;
	}

}
