package org.barshaga.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The charts of the dashboards, each drawn from a table's own rows so that the chart and
 * its table show the same figures. The totals are left out: they are the place itself.
 */
final class Charts {

	private Charts() {
	}

	/** A series: a name, and which figure of a row it shows with its text. */
	private record Series(String name, Function<FigureRow, BigDecimal> value, Function<FigureRow, String> text) {
	}

	/** Horizontal bars of every group's value, one bar a row. */
	static Chart bars(Figures.Context c, FigureTable table, String title) {
		List<Series> series = new ArrayList<>();
		for (int g = 0; g < table.groups().size(); g++) {
			int group = g;
			series.add(new Series(table.groups().get(g).title(), row -> row.cells().get(group).value(),
					row -> row.cells().get(group).valueText()));
		}
		return chart(c, table, title, "bar", series);
	}

	/** Horizontal bars of the first group's numerator and denominator, side by side. */
	static Chart numeratorAndDenominator(Figures.Context c, FigureTable table, String title) {
		FigureGroup group = table.groups().get(0);
		List<Series> series = List.of(
				new Series(group.numeratorHeader(), row -> row.cell().numerator(), row -> text(row.cell(), true)),
				new Series(group.denominatorHeader(), row -> row.cell().denominator(), row -> text(row.cell(), false)));
		return chart(c, table, title, "bar", series);
	}

	private static String text(FigureCell cell, boolean numerator) {
		String text = numerator ? cell.numeratorText() : cell.denominatorText();
		return text == null || text.isEmpty() ? cell.note() : text;
	}

	private static Chart chart(Figures.Context c, FigureTable table, String title, String kind, List<Series> series) {
		List<String> categories = new ArrayList<>();
		for (FigureRow row : table.rows()) {
			categories.add(row.heading().text());
		}
		List<Object> data = new ArrayList<>();
		for (Series s : series) {
			List<Object> values = new ArrayList<>();
			List<Object> labels = new ArrayList<>();
			for (FigureRow row : table.rows()) {
				values.add(s.value().apply(row));
				labels.add(s.text().apply(row));
			}
			data.add(series(s.name(), values, labels));
		}
		return new Chart(table.id() + "-chart", c.text("dashboard.chart.bars", title, table.caption()),
				spec(kind, true, categories, data));
	}

	/**
	 * Bars of a long table, one group of bars for each indicator and one bar for each
	 * value of the dimension.
	 */
	static Chart byIndicator(Figures.Context c, FigureTable table, String title) {
		Map<String, Integer> indicators = new LinkedHashMap<>();
		Map<String, Map<String, FigureRow>> byValue = new LinkedHashMap<>();
		for (FigureRow row : table.rows()) {
			String indicator = row.keys().get(0).text();
			indicators.putIfAbsent(indicator, indicators.size());
			byValue.computeIfAbsent(row.heading().text(), k -> new LinkedHashMap<>()).put(indicator, row);
		}
		List<Object> data = new ArrayList<>();
		byValue.forEach((value, rows) -> {
			List<Object> values = new ArrayList<>();
			List<Object> labels = new ArrayList<>();
			for (String indicator : indicators.keySet()) {
				FigureRow row = rows.get(indicator);
				values.add(row == null ? null : row.cell().value());
				labels.add(row == null ? c.text("dashboard.note.noData") : row.cell().valueText());
			}
			data.add(series(value, values, labels));
		});
		return new Chart(table.id() + "-chart", c.text("dashboard.chart.bars", title, table.caption()),
				spec("bar", true, new ArrayList<>(indicators.keySet()), data));
	}

	/** Lines over the school years, one for each place of a trend table. */
	static Chart trend(Figures.Context c, FigureTable table, String title) {
		List<String> years = new ArrayList<>();
		Map<String, List<FigureRow>> places = new LinkedHashMap<>();
		for (FigureRow row : table.rows()) {
			String year = row.keys().get(0).text();
			if (!years.contains(year)) {
				years.add(year);
			}
			places.computeIfAbsent(row.heading().text(), k -> new ArrayList<>()).add(row);
		}
		List<Object> data = new ArrayList<>();
		places.forEach((place, rows) -> {
			// A place shown in some years only (the country, in the year shown) keeps
			// gaps.
			List<Object> values = new ArrayList<>();
			List<Object> labels = new ArrayList<>();
			for (String year : years) {
				FigureRow row = rows.stream().filter(r -> r.keys().get(0).text().equals(year)).findFirst().orElse(null);
				values.add(row == null ? null : row.cell().value());
				labels.add(row == null ? "" : row.cell().valueText());
			}
			data.add(series(place, values, labels));
		});
		return new Chart(table.id() + "-chart", c.text("dashboard.chart.trend", title, table.caption()),
				spec("line", false, years, data));
	}

	private static Map<String, Object> series(String name, List<Object> values, List<Object> labels) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("data", values);
		series.put("labels", labels);
		return series;
	}

	private static String spec(String kind, boolean horizontal, List<String> categories, List<Object> series) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("kind", kind);
		spec.put("horizontal", horizontal);
		spec.put("categories", categories);
		spec.put("series", series);
		return Json.write(spec);
	}

}
