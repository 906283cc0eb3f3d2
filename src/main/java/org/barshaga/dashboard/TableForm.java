package org.barshaga.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.dashboard.Figures.Context;
import org.barshaga.indicators.Better;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.PlaceName;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;

/**
 * Forms one table of figures from the values a {@link Context} asks for: its rows in
 * order (ranked, by name or by the dimension's order), its headers, and its total rows.
 */
final class TableForm {

	private TableForm() {
	}

	/** A row while the table is formed: what it is for, and a value for each group. */
	private static final class Draft {

		final Integer year;

		final Indicator indicator;

		final String code;

		final LocalizedName name;

		final String dimensionValue;

		final IndicatorValue[] values;

		Draft(Integer year, Indicator indicator, String code, LocalizedName name, String dimensionValue, int groups) {
			this.year = year;
			this.indicator = indicator;
			this.code = code;
			this.name = name;
			this.dimensionValue = dimensionValue;
			this.values = new IndicatorValue[groups];
		}

	}

	/**
	 * Forms a table.
	 * @param link where the names of the places below lead
	 */
	static FigureTable table(Context c, Ask ask, String id, String caption, Link link) {
		List<Indicator> list = ask.codes().stream().map(c::indicator).toList();
		if (list.isEmpty()) {
			throw new NotFoundException("indicator", "");
		}
		PlaceName place = c.place(ask.unit());
		Dimension by = ask.by();
		if (by != null && list.stream().anyMatch(i -> !i.disaggregations().contains(by))) {
			throw new NotFoundException("dimension", by);
		}
		if (ask.view() == View.CHILDREN && !c.childrenVisible(place)) {
			throw new NotFoundException("orgUnit", place.code());
		}
		boolean inLong = ask.longLayout();
		int groups = inLong ? 1 : list.size();
		List<Dimension> dimensions = by == null ? List.of() : List.of(by);
		Map<String, Draft> rows = new LinkedHashMap<>();
		Map<String, Draft> totals = new LinkedHashMap<>();
		for (int g = 0; g < list.size(); g++) {
			Indicator indicator = list.get(g);
			int column = inLong ? 0 : g;
			Indicator rowIndicator = inLong ? indicator : null;
			switch (ask.view()) {
				case CHILDREN -> {
					for (IndicatorValue value : c.values(indicator, place.code(), c.year, Level.CHILDREN, dimensions)
						.values()) {
						put(rows, null, rowIndicator, value, by, groups, column);
					}
					IndicatorResult self = c.values(indicator, place.code(), c.year, Level.SELF, dimensions);
					if (by == null) {
						put(totals, null, rowIndicator, self.total(), place, null, groups, column);
					}
					else {
						for (IndicatorValue value : self.values()) {
							put(totals, null, rowIndicator, value, by, groups, column);
						}
					}
				}
				case SELF -> {
					IndicatorResult self = c.values(indicator, place.code(), c.year, Level.SELF, dimensions);
					if (by == null) {
						put(rows, null, rowIndicator, self.total(), place, null, groups, column);
					}
					else {
						for (IndicatorValue value : self.values()) {
							put(rows, null, rowIndicator, value, by, groups, column);
						}
						if (!inLong) {
							IndicatorValue all = c.values(indicator, place.code(), c.year, Level.SELF, List.of())
								.total();
							put(totals, null, null, all, place, null, groups, column);
						}
					}
				}
				case TREND -> {
					for (int year : c.years) {
						put(rows, year, rowIndicator, c.total(indicator, place, year), place, null, groups, column);
					}
					// The country for comparison, in the year shown.
					if (c.belowNation(place)) {
						PlaceName nation = c.nation();
						put(rows, c.year, rowIndicator, c.total(indicator, nation, c.year), nation, null, groups,
								column);
					}
				}
			}
		}
		boolean ranked = ask.view() == View.CHILDREN && by == null && list.size() == 1 && !inLong;
		List<Draft> ordered = new ArrayList<>(rows.values());
		if (ranked) {
			ordered.sort(ranking(c, list.get(0).better()));
		}
		else if (ask.view() == View.CHILDREN) {
			ordered.sort(Comparator.comparing((Draft d) -> c.name(d.name), c.collator)
				.thenComparing(d -> dimensionOrder(by, d.dimensionValue)));
		}
		else if (by != null) {
			List<Indicator> order = list;
			ordered.sort(Comparator.comparing((Draft d) -> d.indicator == null ? 0 : order.indexOf(d.indicator))
				.thenComparing(d -> dimensionOrder(by, d.dimensionValue)));
		}
		List<String> headers = new ArrayList<>();
		List<Boolean> shown = new ArrayList<>();
		boolean placeShown = !(ask.view() == View.SELF && by != null) && !inLong;
		if (inLong) {
			headers.add(c.text("dashboard.column.indicator"));
			shown.add(true);
		}
		if (ask.view() == View.TREND) {
			headers.add(c.text("dashboard.column.year"));
			shown.add(true);
		}
		if (ranked) {
			headers.add(c.text("dashboard.column.rank"));
			shown.add(true);
		}
		// The page shows a place's code under its name.
		headers.add(c.text("dashboard.column.code"));
		shown.add(false);
		headers.add(c.text("dashboard.column.place"));
		shown.add(placeShown);
		if (by != null) {
			headers.add(c.text(by.messageKey()));
			shown.add(true);
		}
		List<FigureRow> figureRows = new ArrayList<>();
		BigDecimal previous = null;
		int rank = 0;
		for (int i = 0; i < ordered.size(); i++) {
			Draft draft = ordered.get(i);
			String rankText = null;
			if (ranked) {
				BigDecimal value = draft.values[0] == null || draft.values[0].suppressed() ? null
						: draft.values[0].value();
				if (value != null) {
					rank = previous != null && previous.compareTo(value) == 0 ? rank : i + 1;
					previous = value;
					rankText = String.valueOf(rank);
				}
				else {
					rankText = "";
				}
			}
			String href = ask.view() == View.CHILDREN ? Figures.href(link, list.get(0), draft.code, c.yearQuery())
					: null;
			figureRows.add(row(c, ask, list, draft, by, rankText, href, false));
		}
		List<FigureRow> totalRows = new ArrayList<>();
		for (Draft draft : totals.values()) {
			totalRows.add(row(c, ask, list, draft, by, ranked ? "" : null, null, true));
		}
		List<FigureGroup> figureGroups = new ArrayList<>();
		if (inLong) {
			figureGroups.add(new FigureGroup("", "", c.text("dashboard.column.numerator"),
					c.text("dashboard.column.denominator"), c.text("dashboard.column.value"),
					list.stream().anyMatch(i -> i.unit().hasDenominator())));
		}
		else {
			for (Indicator indicator : list) {
				figureGroups.add(new FigureGroup(indicator.code(), c.name(indicator.name()),
						c.numeratorLabel(indicator), c.denominatorLabel(indicator),
						c.text("dashboard.column.valueIn", c.text(indicator.unit().messageKey())),
						indicator.unit().hasDenominator()));
			}
		}
		return new FigureTable(id, caption, headers, shown, figureGroups, figureRows, totalRows,
				ask.query(c.yearQuery()));
	}

	private static void put(Map<String, Draft> rows, Integer year, Indicator indicator, IndicatorValue value,
			Dimension by, int groups, int column) {
		String dimensionValue = by == null ? null : value.by().get(by);
		PlaceName place = new PlaceName(value.orgUnit(), value.path(), value.name(), value.organisation());
		put(rows, year, indicator, value, place, dimensionValue, groups, column);
	}

	private static void put(Map<String, Draft> rows, Integer year, Indicator indicator, IndicatorValue value,
			PlaceName place, String dimensionValue, int groups, int column) {
		String key = (indicator == null ? "" : indicator.code()) + "|" + (year == null ? "" : year) + "|" + place.path()
				+ "|" + (dimensionValue == null ? "" : dimensionValue);
		Draft draft = rows.computeIfAbsent(key,
				k -> new Draft(year, indicator, place.code(), place.name(), dimensionValue, groups));
		draft.values[column] = value;
	}

	private static int dimensionOrder(Dimension by, String value) {
		if (by == null || value == null) {
			return -1;
		}
		int index = by.index(value);
		return index < 0 ? Integer.MAX_VALUE : index;
	}

	/**
	 * Best first in the indicator's direction (highest first where it has none), places
	 * without a value last, then by name.
	 */
	private static Comparator<Draft> ranking(Context c, Better better) {
		Comparator<BigDecimal> values = better == Better.LOWER ? Comparator.naturalOrder()
				: Comparator.<BigDecimal>reverseOrder();
		return Comparator
			.comparing((Draft d) -> d.values[0] == null || d.values[0].suppressed() ? null : d.values[0].value(),
					Comparator.nullsLast(values))
			.thenComparing(d -> c.name(d.name), c.collator);
	}

	private static FigureRow row(Context c, Ask ask, List<Indicator> list, Draft draft, Dimension by, String rank,
			String href, boolean total) {
		List<FigureKey> keys = new ArrayList<>();
		if (draft.indicator != null) {
			keys.add(new FigureKey(c.name(draft.indicator.name()), null, false, "indicator"));
		}
		if (draft.year != null) {
			keys.add(new FigureKey(c.yearName(draft.year), null, false, "year"));
		}
		if (rank != null) {
			keys.add(new FigureKey(rank, null, false, "rank"));
		}
		keys.add(new FigureKey(draft.code, null, false, "code"));
		keys.add(new FigureKey(c.name(draft.name), href, by == null, "name"));
		if (by != null) {
			String text = draft.dimensionValue == null ? c.text("dashboard.total")
					: c.dimensionValue(by, draft.dimensionValue);
			keys.add(new FigureKey(text, null, true, "dimension"));
		}
		List<FigureCell> cells = new ArrayList<>();
		for (int g = 0; g < draft.values.length; g++) {
			Indicator indicator = draft.indicator != null ? draft.indicator : list.get(g);
			cells.add(c.cell(indicator, draft.values[g]));
		}
		String code = draft.year != null ? draft.year + ":" + draft.code
				: draft.indicator != null ? draft.indicator.code() + ":" + draft.dimensionValue
						: by != null ? (draft.dimensionValue == null ? draft.code : draft.dimensionValue) : draft.code;
		return new FigureRow(code, keys, cells);
	}

}
