package org.barshaga.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.barshaga.indicators.FiguresAsOf;
import org.barshaga.indicators.FiguresOfRecord;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorUnit;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.Target;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Puts together the report of a region or district: every indicator of the catalogue for
 * the place, for each place below it, and for the region and the country to compare with,
 * read through {@link Indicators} with the user's own rights (researchers see small cells
 * suppressed).
 */
@Service
class PlaceReports {

	static final String COUNTRY = "KZ";

	/** Where the report's "generated at" is told: Kazakhstan's single time zone. */
	static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

	static final String PLACE_COLOUR = "#1b1f24";

	static final String CHILD_COLOUR = "#0b4f8a";

	static final String COMPARISON_COLOUR = "#6b4a00";

	private final Indicators indicators;

	private final AdminUnits units;

	private final Definitions definitions;

	private final Clock clock;

	private final FiguresOfRecord recorded;

	private final MessageSource messages;

	PlaceReports(Indicators indicators, AdminUnits units, Definitions definitions, Clock clock,
			FiguresOfRecord recorded, MessageSource messages) {
		this.recorded = recorded;
		this.messages = messages;
		this.indicators = indicators;
		this.units = units;
		this.definitions = definitions;
		this.clock = clock;
	}

	static boolean reportable(OrgUnit unit) {
		return unit.kind().isTopLevel() || unit.kind().isDistrictLevel();
	}

	/**
	 * The region or district a report is made for; any other unit, or one outside the
	 * user's part of the country, is not found.
	 */
	OrgUnit unit(Actor actor, String code) {
		return units.find(code == null ? null : code.strip())
			.filter(PlaceReports::reportable)
			.filter(unit -> actor.scope().contains(unit.path()))
			.orElseThrow(() -> new NotFoundException("report", code));
	}

	/**
	 * The unit a user's reports open on: their own region or district, if they have one.
	 */
	Optional<String> defaultUnit(Actor actor) {
		return units.ofScope(actor.scope()).filter(PlaceReports::reportable).map(OrgUnit::code);
	}

	/** The regions and districts of the user's part of the country, grouped by region. */
	List<UnitGroup> choices(Actor actor, Locale locale) {
		List<UnitGroup> groups = new ArrayList<>();
		List<UnitGroup.UnitOption> current = null;
		for (OrgUnit unit : units.within(actor.scope())) {
			if (!reportable(unit)) {
				continue;
			}
			UnitGroup.UnitOption option = new UnitGroup.UnitOption(unit.code(), unit.name().in(locale));
			if (unit.kind().isTopLevel() || current == null) {
				current = new ArrayList<>();
				groups.add(new UnitGroup(unit.name().in(locale), current));
			}
			current.add(option);
		}
		return groups;
	}

	boolean validYear(int year) {
		int current = indicators.currentYear();
		return year >= current - 10 && year <= current;
	}

	/**
	 * @param asOf live figures (none), or the year's figures of record: "approved" or a
	 * revision's number
	 */
	Report report(Actor actor, OrgUnit unit, int year, String asOf, Locale locale) {
		FiguresAsOf chosen = FiguresAsOf.of(recorded, year, asOf);
		ValueSource source = (a, code, place, y, level, by) -> chosen.recordOf(y)
				? recorded.values(a, code, place, y, level, by, chosen.param()).result()
				: indicators.values(a, code, place, y, level, by);
		List<ReportSection> sections = new ArrayList<>();
		IndicatorResult first = null;
		boolean district = unit.kind().isDistrictLevel();
		for (Indicator indicator : indicators.catalogue()) {
			IndicatorResult self = source.values(actor, indicator.code(), unit.code(), year, Level.SELF, List.of());
			IndicatorResult children = source.values(actor, indicator.code(), unit.code(), year, Level.CHILDREN,
					List.of());
			List<IndicatorResult> comparisons = new ArrayList<>();
			if (district && unit.parentCode() != null && !COUNTRY.equals(unit.parentCode())) {
				comparisons.add(source.values(actor, indicator.code(), unit.parentCode(), year, Level.SELF, List.of()));
			}
			comparisons.add(source.values(actor, indicator.code(), COUNTRY, year, Level.SELF, List.of()));
			first = first == null ? self : first;
			sections.add(section(indicator, unit, year, self, children, comparisons, locale));
		}
		String census = first == null ? null
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(first.census());
		String month = first == null || first.referenceMonth() == null ? null
				: DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(first.referenceMonth());
		String generated = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.format(ZonedDateTime.now(clock).withZoneSameInstant(ZONE));
		return new Report(unit.code(), unit.name().in(locale), unit.kind().messageKey(), district, year,
				year + "–" + (year + 1), census, month, generated, first != null && first.suppressed(), sections,
				chosen.param(), statement(chosen, locale));
	}

	/** Where a report's values come from: the registers today, or a revision. */
	@FunctionalInterface
	private interface ValueSource {

		IndicatorResult values(Actor actor, String code, String place, int year, Level level,
				List<org.barshaga.indicators.Dimension> by);

	}

	/**
	 * The choice between live figures and a revision of the year's figures of record,
	 * offered only for a year that has figures of record.
	 */
	List<Choice> asOfChoices(int year, String asOf, Locale locale) {
		FiguresAsOf chosen = FiguresAsOf.of(recorded, year, asOf);
		List<Choice> choices = new ArrayList<>();
		if (chosen.revisions().isEmpty()) {
			return choices;
		}
		choices.add(new Choice("live", messages.getMessage("figures.asOf.live", null, locale), chosen.live()));
		choices.add(new Choice("approved", messages.getMessage("figures.asOf.approved", null, locale),
				"approved".equals(chosen.param())));
		for (FiguresOfRecord.Revision revision : chosen.revisions()) {
			String day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(revision.frozenAt().atZone(ZONE));
			choices.add(new Choice(String.valueOf(revision.revision()),
					messages.getMessage("figures.asOf.revision", new Object[] { revision.revision(), day }, locale),
					String.valueOf(revision.revision()).equals(chosen.param())));
		}
		return choices;
	}

	/** An option of the choice of figures. */
	record Choice(String value, String label, boolean selected) {
	}

	/** Which figures a report states it shows. */
	String statement(FiguresAsOf chosen, Locale locale) {
		FiguresOfRecord.Revision revision = chosen.revision();
		if (revision == null) {
			return messages.getMessage(
					chosen.revisions().isEmpty() ? "figures.statement.live" : "figures.statement.liveRecorded", null,
					locale);
		}
		String day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(revision.frozenAt().atZone(ZONE));
		String text = messages.getMessage("figures.statement.record",
				new Object[] { chosen.year() + "–" + (chosen.year() + 1), revision.revision(), day }, locale);
		return revision.reason() == null ? text : text + " "
				+ messages.getMessage("figures.statement.reason", new Object[] { revision.reason() }, locale);
	}

	private ReportSection section(Indicator indicator, OrgUnit unit, int year, IndicatorResult self,
			IndicatorResult children, List<IndicatorResult> comparisons, Locale locale) {
		Optional<Target> goal = indicators.target(indicator.code(), year, unit.code());
		List<ReportRow> rows = new ArrayList<>();
		List<IndicatorValue> values = new ArrayList<>();
		List<ReportRow.Role> roles = new ArrayList<>();
		List<String> names = new ArrayList<>();
		add(values, roles, names, total(indicator, self), ReportRow.Role.PLACE, unit.name().in(locale));
		for (IndicatorValue child : children.values()) {
			add(values, roles, names, child, ReportRow.Role.CHILD,
					child.name() == null ? child.orgUnit() : child.name().in(locale));
		}
		for (IndicatorResult comparison : comparisons) {
			add(values, roles, names, total(indicator, comparison),
					COUNTRY.equals(comparison.place().code()) ? ReportRow.Role.NATION : ReportRow.Role.PARENT,
					comparison.place().name().in(locale));
		}
		// A count, FTE or hours of the whole place dwarfs its parts and cannot be set
		// beside
		// another place's: such charts compare the places below it only.
		boolean quotient = indicator.unit().hasDenominator();
		List<IndicatorValue> charted = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			if (quotient || roles.get(i) == ReportRow.Role.CHILD) {
				charted.add(values.get(i));
			}
		}
		BigDecimal target = quotient ? goal.map(Target::value).orElse(null) : null;
		BigDecimal scale = scale(indicator.unit(), charted, target);
		String targetPosition = target == null ? null : position(target, scale);
		for (int i = 0; i < values.size(); i++) {
			IndicatorValue value = values.get(i);
			ReportRow.Role role = roles.get(i);
			String colour = role == ReportRow.Role.PLACE ? PLACE_COLOUR
					: role == ReportRow.Role.CHILD ? CHILD_COLOUR : COMPARISON_COLOUR;
			BigDecimal number = value.value();
			Bar bar = quotient || role == ReportRow.Role.CHILD
					? new Bar(number == null ? null : position(number, scale), targetPosition, colour) : null;
			rows.add(new ReportRow(value.orgUnit(), names.get(i), role, Figure.of(value.numerator(), locale),
					Figure.of(value.denominator(), locale), Figure.of(number, locale), value.suppressed(), bar));
		}
		return new ReportSection(definitions.of(indicator, locale), indicator.unit().hasDenominator(),
				goal.map(t -> Figure.of(t.value().stripTrailingZeros(), locale)).orElse(null), rows);
	}

	/**
	 * The figure of a place asked for by itself; a place with nothing counted has none,
	 * and reads as the places below a unit do: nought counted, no share of nothing.
	 */
	static IndicatorValue total(Indicator indicator, IndicatorResult result) {
		IndicatorValue total = result.total();
		if (total != null) {
			return total;
		}
		boolean quotient = indicator.unit().hasDenominator();
		return new IndicatorValue(result.place().code(), result.place().name(), result.place().path(),
				result.place().organisation(), java.util.Map.of(), BigDecimal.ZERO, quotient ? BigDecimal.ZERO : null,
				quotient ? null : BigDecimal.ZERO, false);
	}

	private static void add(List<IndicatorValue> values, List<ReportRow.Role> roles, List<String> names,
			IndicatorValue value, ReportRow.Role role, String name) {
		values.add(value);
		roles.add(role);
		names.add(name);
	}

	/**
	 * The value at the full width of a chart: 100 for a share, else the largest shown.
	 */
	private static BigDecimal scale(IndicatorUnit unit, List<IndicatorValue> values, BigDecimal target) {
		BigDecimal largest = unit == IndicatorUnit.SHARE ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
		for (IndicatorValue value : values) {
			if (value.value() != null && value.value().compareTo(largest) > 0) {
				largest = value.value();
			}
		}
		if (target != null && target.compareTo(largest) > 0) {
			largest = target;
		}
		return largest;
	}

	private static String position(BigDecimal value, BigDecimal scale) {
		if (scale.signum() <= 0 || value.signum() <= 0) {
			return "0";
		}
		return value.multiply(BigDecimal.valueOf(100))
			.divide(scale, 2, RoundingMode.HALF_UP)
			.min(BigDecimal.valueOf(100))
			.stripTrailingZeros()
			.toPlainString();
	}

	/** Whether a unit may be chosen on the open-data page: the country or a region. */
	Optional<OrgUnit> openUnit(String code) {
		return units.find(code == null || code.isBlank() ? COUNTRY : code.strip())
			.filter(unit -> COUNTRY.equals(unit.code()) || unit.kind().isTopLevel());
	}

	List<OrgUnit> regions() {
		return units.children(COUNTRY).stream().filter(u -> u.kind().isTopLevel()).toList();
	}

	/** A unit's name in the user's language, or its code if it is no longer known. */
	String unitName(String code, Locale locale) {
		return units.find(code).map(unit -> unit.name().in(locale)).orElse(code);
	}

	List<OrgUnit> within(DataScope scope) {
		return units.within(scope);
	}

}
