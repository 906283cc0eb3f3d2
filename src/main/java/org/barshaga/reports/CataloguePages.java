package org.barshaga.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.indicators.Better;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorDraft;
import org.barshaga.indicators.IndicatorUnit;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Measure;
import org.barshaga.indicators.Target;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.Role;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The indicator catalogue: every indicator with its definition and targets, for every
 * signed-in user; administrators add indicators from the measures, and administrators and
 * the Ministry set targets.
 */
@Controller
class CataloguePages {

	private final Indicators indicators;

	private final Definitions definitions;

	private final PlaceReports reports;

	private final MessageSource messages;

	CataloguePages(Indicators indicators, Definitions definitions, PlaceReports reports, MessageSource messages) {
		this.indicators = indicators;
		this.definitions = definitions;
		this.reports = reports;
		this.messages = messages;
	}

	static boolean setsTargets(Actor actor) {
		return actor.is(Role.ADMIN) || actor.is(Role.MINISTRY);
	}

	@GetMapping("/indicators")
	String catalogue(Actor actor, Model model, Locale locale) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("year", String.valueOf(indicators.currentYear()));
		values.add("targetUnit", PlaceReports.COUNTRY);
		return cataloguePage(actor, values, FormErrors.NONE, model, locale);
	}

	@PostMapping("/indicators/targets")
	String setTarget(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!setsTargets(actor)) {
			throw new NotPermittedException("set targets");
		}
		FormValues values = new FormValues(submitted);
		try {
			String code = values.text("indicator");
			Integer year = values.integer("year");
			String unit = values.text("targetUnit");
			BigDecimal target = values.decimal("targetValue");
			List<InvalidInputException.Problem> problems = new ArrayList<>();
			try {
				values.throwIfAny();
			}
			catch (InvalidInputException unreadable) {
				problems.addAll(unreadable.problems());
			}
			if (code == null || indicators.catalogue().stream().noneMatch(i -> i.code().equals(code))) {
				problems.add(new InvalidInputException.Problem("indicator", "validation.required", List.of()));
			}
			if (year == null && problems.stream().noneMatch(p -> p.field().equals("year"))) {
				problems.add(new InvalidInputException.Problem("year", "validation.required", List.of()));
			}
			if (unit == null) {
				problems.add(new InvalidInputException.Problem("targetUnit", "validation.required", List.of()));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			try {
				indicators.setTarget(actor, code, year, unit, target);
			}
			catch (InvalidInputException invalid) {
				throw targetForm(invalid);
			}
			redirect.addFlashAttribute("notice",
					target == null ? "catalogue.notice.targetCleared" : "catalogue.notice.targetSet");
			return "redirect:/indicators#indicator-" + code;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return cataloguePage(actor, submitted, FormErrors.of(invalid, messages, locale), model, locale);
		}
	}

	/**
	 * The problems of a target named after the form's fields: its unit is a place and its
	 * value a number, unlike an indicator's unit.
	 */
	private static InvalidInputException targetForm(InvalidInputException invalid) {
		return new InvalidInputException(
				invalid.problems().stream().map(p -> new InvalidInputException.Problem(switch (p.field()) {
					case "unit" -> "targetUnit";
					case "target" -> "targetValue";
					default -> p.field();
				}, p.messageKey(), p.arguments())).toList());
	}

	private String cataloguePage(Actor actor, MultiValueMap<String, String> values, FormErrors errors, Model model,
			Locale locale) {
		List<Target> targets = indicators.targets();
		List<CatalogueEntry> entries = new ArrayList<>();
		for (Indicator indicator : indicators.catalogue()) {
			List<CatalogueEntry.TargetLine> lines = targets.stream()
				.filter(t -> t.indicator().equals(indicator.code()))
				.sorted(Comparator.comparing(Target::year).thenComparing(Target::unitCode))
				.map(t -> new CatalogueEntry.TargetLine(t.year() + "–" + (t.year() + 1), t.unitCode(),
						reports.unitName(t.unitCode(), locale), Figure.of(t.value().stripTrailingZeros(), locale)))
				.toList();
			entries.add(new CatalogueEntry(definitions.of(indicator, locale), lines));
		}
		model.addAttribute("entries", entries);
		model.addAttribute("canDefine", actor.is(Role.ADMIN));
		model.addAttribute("canSetTarget", setsTargets(actor));
		if (setsTargets(actor)) {
			int current = indicators.currentYear();
			List<Integer> years = new ArrayList<>();
			for (int year = current - 2; year <= current + 5; year++) {
				years.add(year);
			}
			List<UnitGroup> units = new ArrayList<>();
			units.add(new UnitGroup(reports.unitName(PlaceReports.COUNTRY, locale), List
				.of(new UnitGroup.UnitOption(PlaceReports.COUNTRY, reports.unitName(PlaceReports.COUNTRY, locale)))));
			units.addAll(reports.choices(actor, locale));
			model.addAttribute("targetYears", years);
			model.addAttribute("targetUnits", units);
			model.addAttribute("values", new FormValues(values).raw());
			model.addAttribute("errors", errors);
		}
		return "reports/catalogue";
	}

	// Adding an indicator (administrators)

	@GetMapping("/indicators/new")
	String newIndicator(Actor actor, Model model) {
		requireAdmin(actor);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("better", Better.HIGHER.name());
		return indicatorForm(values, FormErrors.NONE, model);
	}

	@PostMapping("/indicators")
	String define(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireAdmin(actor);
		FormValues values = new FormValues(submitted);
		IndicatorDraft draft = new IndicatorDraft(values.text("code"), values.text("nameKk"), values.text("nameRu"),
				values.text("nameEn"), values.text("descriptionKk"), values.text("descriptionRu"),
				values.text("descriptionEn"), values.text("unit"), values.text("numerator"),
				values.text("numeratorFilter"), values.text("denominator"), values.text("denominatorFilter"),
				values.all("disaggregations"), values.text("better"));
		try {
			Indicator indicator = indicators.define(actor, draft);
			redirect.addFlashAttribute("notice", "catalogue.notice.added");
			return "redirect:/indicators#indicator-" + indicator.code();
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return indicatorForm(submitted, FormErrors.of(invalid, messages, locale), model);
		}
	}

	private String indicatorForm(MultiValueMap<String, String> values, FormErrors errors, Model model) {
		List<FormField.Option> units = Arrays.stream(IndicatorUnit.values())
			.map(u -> new FormField.Option(u.name(), "catalogue.unitOption." + u.name(), null))
			.toList();
		List<FormField.Option> measures = Arrays.stream(Measure.values())
			.map(m -> new FormField.Option(m.name(), m.messageKey(), null))
			.toList();
		List<FormField.Option> dimensions = Arrays.stream(Dimension.values())
			.map(d -> new FormField.Option(d.name(), d.messageKey(), null))
			.toList();
		List<FormField.Option> directions = Arrays.stream(Better.values())
			.map(b -> new FormField.Option(b.name(), b.messageKey(), null))
			.toList();
		List<FormField> fields = List.of(FormField.text("code", true).hint("catalogue.hint.code"),
				FormField.text("nameKk", true), FormField.text("nameRu", true), FormField.text("nameEn", true),
				FormField.textarea("descriptionKk", true), FormField.textarea("descriptionRu", true),
				FormField.textarea("descriptionEn", true),
				FormField.select("unit", true, units).hint("catalogue.hint.unit"),
				FormField.select("numerator", true, measures),
				FormField.text("numeratorFilter", false).hint("catalogue.hint.filter"),
				FormField.select("denominator", false, measures).hint("catalogue.hint.denominator"),
				FormField.text("denominatorFilter", false).hint("catalogue.hint.filter"),
				FormField.checkboxes("disaggregations", false, dimensions).hint("catalogue.hint.disaggregations"),
				FormField.radios("better", true, directions));
		PageForm form = new PageForm("catalogue.new.title", "catalogue.title", "/indicators", null, null, "/indicators",
				"catalogue.new.submit", "/indicators", fields, values);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("dimensions", Dimension.values());
		return "reports/indicator-form";
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new NotPermittedException("define indicators");
		}
	}

}
