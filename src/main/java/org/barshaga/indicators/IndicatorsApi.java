package org.barshaga.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barshaga.kernel.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The indicator catalogue and values over HTTP. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators", description = "Indicator definitions, targets and values")
class IndicatorsApi {

	private final Indicators indicators;

	private final FiguresOfRecord figures;

	IndicatorsApi(Indicators indicators, FiguresOfRecord figures) {
		this.indicators = indicators;
		this.figures = figures;
	}

	record Definition(String id, Map<String, String> name, Map<String, String> description, IndicatorUnit unit,
			Measure numerator, String numeratorFilter, Measure denominator, String denominatorFilter,
			List<Dimension> disaggregations, Better better, boolean productDefault, List<TargetBody> targets) {
	}

	record TargetBody(int year, String orgUnit, BigDecimal target) {
	}

	/**
	 * @param asOf "live", or the number of the revision of record the values come from
	 * @param frozenAt when that revision was frozen; none for live values
	 */
	record Values(String indicator, int year, String census, String asOf, String frozenAt, List<Cell> values) {
	}

	record Cell(String orgUnit, Map<String, String> by, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
			boolean suppressed) {
	}

	@GetMapping("/indicators")
	@Operation(summary = "The indicator catalogue with definitions and targets")
	List<Definition> catalogue() {
		List<Target> targets = indicators.targets();
		return indicators.catalogue().stream().map(indicator -> definition(indicator, targets)).toList();
	}

	@GetMapping("/indicators/{id}")
	@Operation(summary = "One indicator's definition and targets")
	Definition definition(@PathVariable String id) {
		return definition(indicators.indicator(id), indicators.targets());
	}

	@GetMapping("/indicators/{id}/values")
	@Operation(summary = "Values of an indicator for a unit or school (level=self) or for each place below it "
			+ "(level=children), in the school year starting in September of `year`, divided by up to two "
			+ "dimensions (`by=SEX,SETTLEMENT`). A value is null when its denominator is zero, or for a count "
			+ "from reconciliation when no linkage run has children of school age there (no data). "
			+ "`asOf=live` (the default) computes from the registers today, `asOf=approved` from the latest "
			+ "revision of the year's figures of record, `asOf=2` from that revision.")
	Values values(Actor actor, @PathVariable String id, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String level,
			@RequestParam(required = false) String by, @RequestParam(required = false) String asOf) {
		int schoolYear = year == null ? indicators.currentYear() : year;
		FiguresOfRecord.AsOfValues asOfValues = figures.values(actor, id, orgUnit, schoolYear, indicators.level(level),
				indicators.dimensions(by), asOf);
		IndicatorResult result = asOfValues.result();
		FiguresOfRecord.Revision revision = asOfValues.revision();
		return new Values(result.indicator().code(), result.year(), result.census().toString(),
				revision == null ? "live" : String.valueOf(revision.revision()),
				revision == null ? null : revision.frozenAt().toString(),
				result.values().stream().map(IndicatorsApi::cell).toList());
	}

	@PostMapping("/indicators")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an indicator built from the measures (administrators)")
	Definition define(Actor actor, @RequestBody IndicatorDraft draft) {
		return definition(indicators.define(actor, draft), indicators.targets());
	}

	@PutMapping("/indicators/{id}/targets/{year}/{orgUnit}")
	@Operation(summary = "Set the target of an indicator for a school year and unit (administrators, Ministry)")
	Definition target(Actor actor, @PathVariable String id, @PathVariable int year, @PathVariable String orgUnit,
			@RequestBody TargetBody body) {
		indicators.setTarget(actor, id, year, orgUnit, body.target());
		return definition(id);
	}

	static Cell cell(IndicatorValue value) {
		Map<String, String> by = new LinkedHashMap<>();
		value.by().forEach((dimension, code) -> by.put(dimension.name(), code));
		return new Cell(value.orgUnit(), by, value.numerator(), value.denominator(), value.value(), value.suppressed());
	}

	private static Definition definition(Indicator indicator, List<Target> targets) {
		return new Definition(indicator.code(), names(indicator.name()), names(indicator.description()),
				indicator.unit(), indicator.numerator(), indicator.numeratorFilterText(), indicator.denominator(),
				indicator.denominatorFilterText(), indicator.disaggregations(), indicator.better(),
				indicator.productDefault(),
				targets.stream()
					.filter(t -> t.indicator().equals(indicator.code()))
					.map(t -> new TargetBody(t.year(), t.unitCode(), t.value()))
					.toList());
	}

	private static Map<String, String> names(org.barshaga.kernel.LocalizedName name) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("kk", name.kk());
		names.put("ru", name.ru());
		names.put("en", name.en());
		return names;
	}

}
