package org.barshaga.dashboard;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.dashboard.Figures.Context;
import org.barshaga.indicators.Better;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.FiguresOfRecord;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorUnit;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.PlaceName;
import org.barshaga.indicators.Target;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards: overview, comparison, drill-down and gaps, for every signed-in user
 * within their scope, and the download of any table they show.
 */
@Controller
class DashboardPages {

	private final Figures figures;

	DashboardPages(Figures figures) {
		this.figures = figures;
	}

	// Overview

	@GetMapping("/dashboards")
	String overview(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf, Locale locale,
			Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		PlaceName place = c.place(unit);
		List<Figures.Question> questions = new ArrayList<>();
		for (Indicator indicator : c.key()) {
			questions.addAll(figures.questions(c, Ask.of(indicator.code(), place.code(), View.TREND)));
		}
		if (c.childrenVisible(place) && !c.key().isEmpty()) {
			questions.add(new Figures.Question(c.key().get(0), place.code(), c.year, Level.CHILDREN, List.of()));
		}
		c.prefetch(questions);
		List<Card> cards = new ArrayList<>();
		for (Indicator indicator : c.key()) {
			cards.add(card(c, indicator, place));
		}
		common(c, place, model, "overview", c.key().isEmpty() ? null : c.key().get(0));
		model.addAttribute("cards", cards);
		model.addAttribute("places", places(c, place));
		model.addAttribute("crumbs", c.crumbs(place, code -> "/dashboards?unit=" + code + "&" + c.yearQuery()));
		model.addAttribute("catalogue", c.catalogue.values());
		return "dashboard/overview";
	}

	private Card card(Context c, Indicator indicator, PlaceName place) {
		String name = c.name(indicator.name());
		String placeName = c.name(place.name());
		FigureTable trend = figures.table(c, Ask.of(indicator.code(), place.code(), View.TREND),
				"trend-" + indicator.code(), c.text("dashboard.trend.caption", name, placeName), Link.NONE);
		FigureCell current = trend.row(c.year + ":" + place.code()).cell();
		FigureCell national = null;
		String nationalName = null;
		if (c.belowNation(place)) {
			national = trend.row(c.year + ":" + Figures.NATION).cell();
			nationalName = c.name(c.nation().name());
		}
		String target = null;
		String distance = null;
		boolean reached = false;
		Optional<Target> goal = c.target(indicator.code(), place);
		if (goal.isPresent()) {
			BigDecimal value = goal.get()
				.value()
				.setScale(indicator.unit().decimals(), java.math.RoundingMode.HALF_UP)
				.stripTrailingZeros();
			value = value.scale() < 0 ? value.setScale(0) : value;
			target = c.value(indicator, value);
			if (current.value() != null) {
				BigDecimal gap = current.value().subtract(goal.get().value());
				reached = indicator.better() == Better.LOWER ? gap.signum() <= 0 : gap.signum() >= 0;
				distance = reached ? c.text("dashboard.target.reached")
						: c.text(
								indicator.better() == Better.LOWER ? "dashboard.target.above"
										: "dashboard.target.below",
								c.difference(indicator,
										gap.abs().setScale(current.value().scale(), java.math.RoundingMode.HALF_UP)));
			}
		}
		Chart chart = Charts.trend(c, trend, name);
		return new Card(indicator.code(), name, c.name(indicator.description()),
				c.text(indicator.better().messageKey()), current, c.numeratorLabel(indicator),
				c.denominatorLabel(indicator), national, nationalName, target, distance, reached, trend, chart);
	}

	/**
	 * The places the overview can move to: those above in scope, this one and those
	 * below.
	 */
	private List<Choice> places(Context c, PlaceName place) {
		List<Choice> choices = new ArrayList<>();
		for (Crumb crumb : c.crumbs(place, code -> code)) {
			if (crumb.href() != null) {
				choices.add(new Choice(crumb.href(), crumb.name(), crumb.current()));
			}
		}
		if (c.childrenVisible(place) && !c.key().isEmpty()) {
			IndicatorResult below = c.values(c.key().get(0), place.code(), c.year, Level.CHILDREN, List.of());
			List<IndicatorValue> children = new ArrayList<>(below.values());
			children.sort(java.util.Comparator.comparing((IndicatorValue v) -> c.name(v.name()),
					java.text.Collator.getInstance(c.locale)));
			for (IndicatorValue child : children) {
				choices.add(new Choice(child.orgUnit(), "— " + c.name(child.name()), false));
			}
		}
		return choices;
	}

	// Comparison

	@GetMapping("/dashboards/compare")
	String compare(Actor actor, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String asOf, Locale locale, Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		Indicator chosen = c.indicatorOrFirst(indicator);
		PlaceName place = c.place(unit);
		boolean asked = unit != null && !unit.isBlank();
		if (asked && !c.childrenVisible(place)) {
			throw new NotFoundException("orgUnit", place.code());
		}
		String name = c.name(chosen.name());
		// A user whose own place lies above their scope (a PMPC) has no places below to
		// compare.
		Ask ask = Ask.of(chosen.code(), place.code(), View.CHILDREN);
		FigureTable table = null;
		if (c.childrenVisible(place)) {
			c.prefetch(figures.questions(c, ask));
			table = figures.table(c, ask, "compare", c.text("dashboard.compare.caption", name, c.name(place.name())),
					Link.EXPLORE);
		}
		common(c, place, model, "compare", chosen);
		model.addAttribute("indicator", chosen);
		model.addAttribute("indicatorName", name);
		model.addAttribute("indicators", indicatorChoices(c, chosen));
		model.addAttribute("table", table);
		model.addAttribute("chart", table == null || table.rows().isEmpty() ? null : Charts.bars(c, table, name));
		model.addAttribute("map", table != null && place.code().equals(Figures.NATION) && TileMaps.drawable(table)
				? TileMaps.of(c, chosen, table) : null);
		model.addAttribute("crumbs", c.crumbs(place,
				code -> "/dashboards/compare?indicator=" + chosen.code() + "&unit=" + code + "&" + c.yearQuery()));
		return "dashboard/compare";
	}

	// Drill-down

	@GetMapping("/dashboards/explore")
	String explore(Actor actor, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String by, Locale locale,
			Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		Indicator chosen = c.indicatorOrFirst(indicator);
		PlaceName place = c.place(unit);
		// A dimension the indicator cannot be divided by (kept from another indicator in
		// the form) is dropped.
		Dimension dimension = chosen.disaggregations()
			.stream()
			.filter(d -> d.name().equalsIgnoreCase(by == null ? "" : by.strip()))
			.findFirst()
			.orElse(null);
		String name = c.name(chosen.name());
		String placeName = c.name(place.name());
		common(c, place, model, "explore", chosen);
		model.addAttribute("indicator", chosen);
		model.addAttribute("indicatorName", name);
		model.addAttribute("indicators", indicatorChoices(c, chosen));
		List<Choice> dimensions = new ArrayList<>();
		dimensions.add(new Choice("", c.text("dashboard.explore.noDimension"), dimension == null));
		for (Dimension d : chosen.disaggregations()) {
			dimensions.add(new Choice(d.name(), c.text(d.messageKey()), d == dimension));
		}
		model.addAttribute("dimensions", dimensions);
		model.addAttribute("by", dimension);
		List<Figures.Question> questions = new ArrayList<>(figures.questions(c,
				Ask.of(chosen.code(), place.code(), c.childrenVisible(place) ? View.CHILDREN : View.SELF)));
		if (dimension != null) {
			questions.addAll(figures.questions(c, Ask.of(chosen.code(), place.code(), View.SELF).by(dimension)));
		}
		c.prefetch(questions);
		FigureTable children = null;
		FigureTable self;
		if (c.childrenVisible(place)) {
			children = figures.table(c, Ask.of(chosen.code(), place.code(), View.CHILDREN), "explore",
					c.text("dashboard.explore.caption", name, placeName), Link.EXPLORE);
			self = children;
		}
		else {
			self = figures.table(c, Ask.of(chosen.code(), place.code(), View.SELF), "explore-self",
					c.text("dashboard.explore.selfCaption", name, placeName), Link.NONE);
		}
		model.addAttribute("children", children);
		model.addAttribute("self", self);
		model.addAttribute("placeValue", children != null ? children.total().cell() : self.rows().get(0).cell());
		model.addAttribute("chart",
				children == null || children.rows().isEmpty() ? null : Charts.bars(c, children, name));
		if (dimension != null) {
			FigureTable divided = figures.table(c, Ask.of(chosen.code(), place.code(), View.SELF).by(dimension),
					"explore-by",
					c.text("dashboard.explore.byCaption", name, placeName, c.text(dimension.messageKey())), Link.NONE);
			model.addAttribute("divided", divided);
			model.addAttribute("dividedChart", divided.rows().isEmpty() ? null : Charts.bars(c, divided, name));
		}
		model.addAttribute("crumbs", c.crumbs(place, code -> "/dashboards/explore?indicator=" + chosen.code() + "&unit="
				+ code + "&" + c.yearQuery() + (dimension == null ? "" : "&by=" + dimension.name())));
		return "dashboard/explore";
	}

	// Gaps

	@GetMapping("/dashboards/gaps")
	String gaps(Actor actor, @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String asOf, Locale locale, Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		PlaceName place = c.place(unit);
		String placeName = c.name(place.name());
		View below = c.childrenVisible(place) ? View.CHILDREN : View.SELF;
		List<String> settlement = c.key()
			.stream()
			.filter(i -> i.unit() == IndicatorUnit.SHARE && i.disaggregations().contains(Dimension.SETTLEMENT))
			.map(Indicator::code)
			.toList();
		Ask conditions = new Ask(List.of("COND_REPORTED", "COND_MEASURED", "COND_GAP"), place.code(), below, null,
				false);
		Ask support = new Ask(List.of("SUPPORT_HOURS", "SUPPORT_COVERAGE"), place.code(), below, null, false);
		Ask staffing = new Ask(List.of("SPECIALIST_GAP", "SPECIALISTS"), place.code(), View.SELF, Dimension.SPECIALIST,
				false);
		Ask urbanRural = new Ask(settlement, place.code(), View.SELF, Dimension.SETTLEMENT, true);
		List<Figures.Question> questions = new ArrayList<>();
		for (Ask ask : List.of(conditions, support, staffing, urbanRural)) {
			questions.addAll(figures.questions(c, ask));
		}
		c.prefetch(questions);
		common(c, place, model, "gaps", c.catalogue.get("COND_REPORTED"));
		if (has(c, conditions)) {
			FigureTable table = figures.table(c, conditions, "gaps-conditions",
					c.text("dashboard.gaps.conditions.caption", placeName), Link.GAPS);
			model.addAttribute("conditions", table);
			model.addAttribute("conditionsChart",
					chartOf(table, () -> Charts.bars(c, table, c.text("dashboard.gaps.conditions"))));
		}
		if (has(c, support)) {
			FigureTable table = figures.table(c, support, "gaps-support",
					c.text("dashboard.gaps.support.caption", placeName), Link.GAPS);
			model.addAttribute("support", table);
			model.addAttribute("supportChart",
					chartOf(table, () -> Charts.numeratorAndDenominator(c, table, c.text("dashboard.gaps.support"))));
		}
		if (has(c, staffing)) {
			FigureTable table = figures.table(c, staffing, "gaps-staffing",
					c.text("dashboard.gaps.staffing.caption", placeName), Link.NONE);
			model.addAttribute("staffing", table);
			model.addAttribute("staffingChart",
					chartOf(table, () -> Charts.bars(c, table, c.text("dashboard.gaps.staffing"))));
		}
		if (!settlement.isEmpty()) {
			FigureTable table = figures.table(c, urbanRural, "gaps-settlement",
					c.text("dashboard.gaps.settlement.caption", placeName), Link.NONE);
			model.addAttribute("settlement", table);
			model.addAttribute("settlementChart",
					chartOf(table, () -> Charts.byIndicator(c, table, c.text("dashboard.gaps.settlement"))));
		}
		model.addAttribute("crumbs", c.crumbs(place, code -> "/dashboards/gaps?unit=" + code + "&" + c.yearQuery()));
		return "dashboard/gaps";
	}

	/** Whether the catalogue has every indicator a table asks for. */
	private static boolean has(Context c, Ask ask) {
		return ask.codes().stream().allMatch(c.catalogue::containsKey);
	}

	private static Chart chartOf(FigureTable table, java.util.function.Supplier<Chart> chart) {
		return table.rows().isEmpty() ? null : chart.get();
	}

	// Downloads

	@GetMapping("/dashboards/data.{format}")
	void data(Actor actor, @PathVariable String format, @RequestParam String indicator,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String level,
			@RequestParam(required = false) String by, @RequestParam(required = false) String layout, Locale locale,
			HttpServletResponse response) throws IOException {
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw new NotFoundException("format", format);
		}
		Context c = figures.context(actor, year, asOf, locale);
		List<String> codes = Arrays.stream(indicator.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		View view = level == null || level.isBlank() ? View.SELF : View.of(level);
		Dimension dimension = null;
		if (by != null && !by.isBlank()) {
			dimension = Arrays.stream(Dimension.values())
				.filter(d -> d.name().equalsIgnoreCase(by.strip()))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("dimension", by));
		}
		PlaceName place = c.place(unit);
		Ask ask = new Ask(codes, place.code(), view, dimension, "long".equalsIgnoreCase(layout));
		FigureTable table = figures.table(c, ask, "data", "", Link.NONE);
		String name = ("barshaga-" + String.join("-", codes) + "-" + place.code() + "-" + c.year + "-"
				+ view.name().toLowerCase(Locale.ROOT) + (dimension == null ? "" : "-" + dimension.name()))
			.replaceAll("[^A-Za-z0-9_-]", "_");
		if (format.equals("xlsx")) {
			attachment(response, Downloads.XLSX, name + ".xlsx");
			Downloads.xlsx(c, table, response.getOutputStream());
		}
		else {
			attachment(response, Downloads.CSV, name + ".csv");
			Downloads.csv(c, table, response.getOutputStream());
		}
	}

	private static void attachment(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
	}

	// What every dashboard page shows

	static void common(Context c, PlaceName place, Model model, String page, Indicator dated) {
		model.addAttribute("page", page);
		if (dated != null) {
			IndicatorResult result = c.values(dated, place.code(), c.year, Level.SELF, List.of());
			model.addAttribute("census", result.census() == null ? null
					: result.census().format(DateTimeFormatter.ofPattern("d MMMM yyyy", c.locale)));
			model.addAttribute("referenceMonth", result.referenceMonth() == null ? null
					: result.referenceMonth().format(DateTimeFormatter.ofPattern("LLLL yyyy", c.locale)));
		}
		model.addAttribute("place", place);
		model.addAttribute("placeName", c.name(place.name()));
		model.addAttribute("year", c.year);
		model.addAttribute("yearName", c.yearName(c.year));
		List<Choice> years = new ArrayList<>();
		for (int y : c.years) {
			years.add(new Choice(String.valueOf(y), c.yearName(y), y == c.year));
		}
		model.addAttribute("years", years);
		model.addAttribute("asOfChoices", asOfChoices(c));
		model.addAttribute("figuresStatement", statement(c));
		model.addAttribute("canCompare", c.childrenVisible(place));
		boolean home = place.path().equals(c.home.path());
		String unit = home ? "" : "unit=" + place.code() + "&";
		model.addAttribute("unitParam", home ? null : place.code());
		String code = dated == null ? "" : "indicator=" + dated.code() + "&";
		model.addAttribute("overviewHref", "/dashboards?" + unit + c.yearQuery());
		model.addAttribute("compareHref", "/dashboards/compare?" + code + unit + c.yearQuery());
		model.addAttribute("exploreHref", "/dashboards/explore?" + code + unit + c.yearQuery());
		model.addAttribute("gapsHref", "/dashboards/gaps?" + unit + c.yearQuery());
		model.addAttribute("outcomesHref", "/dashboards/outcomes?" + unit + c.yearQuery());
		model.addAttribute("voicesHref", "/dashboards/voices?" + unit + c.yearQuery());
	}

	/**
	 * Live figures or a revision of the year's figures of record; offered only for a year
	 * that has figures of record.
	 */
	private static List<Choice> asOfChoices(Context c) {
		List<Choice> choices = new ArrayList<>();
		if (c.asOf.revisions().isEmpty()) {
			return choices;
		}
		choices.add(new Choice("live", c.text("figures.asOf.live"), c.asOf.live()));
		choices.add(new Choice("approved", c.text("figures.asOf.approved"), "approved".equals(c.asOf.param())));
		for (FiguresOfRecord.Revision revision : c.asOf.revisions()) {
			choices.add(new Choice(String.valueOf(revision.revision()),
					c.text("figures.asOf.revision", revision.revision(), c.date(revision.frozenAt())),
					String.valueOf(revision.revision()).equals(c.asOf.param())));
		}
		return choices;
	}

	/** What the page shows: live figures, or which revision of the figures of record. */
	static String statement(Context c) {
		FiguresOfRecord.Revision revision = c.asOf.revision();
		if (revision == null) {
			return c.text(c.asOf.revisions().isEmpty() ? "figures.statement.live" : "figures.statement.liveRecorded");
		}
		String text = c.text("figures.statement.record", c.yearName(c.year), revision.revision(),
				c.date(revision.frozenAt()));
		return revision.reason() == null ? text : text + " " + c.text("figures.statement.reason", revision.reason());
	}

	private static List<Choice> indicatorChoices(Context c, Indicator chosen) {
		return c.catalogue.values()
			.stream()
			.map(i -> new Choice(i.code(), c.name(i.name()), i.code().equals(chosen.code())))
			.toList();
	}

}
