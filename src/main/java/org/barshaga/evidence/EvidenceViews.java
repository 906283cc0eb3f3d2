package org.barshaga.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * The tables of the evidence bank as a page and a CSV file show them, in the user's
 * language, and the charts drawn from the same rows: a chart and its table never differ.
 */
final class EvidenceViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final Locale locale;

	EvidenceViews(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * A table as headers and rows of text cells; the first cell of a row is its heading.
	 */
	record Grid(String id, String caption, List<String> headers, List<List<String>> rows) {
	}

	record Chart(String id, String label, String spec) {
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** Table 2's layout: the years across, one row of counts. */
	Grid byYear(EvidenceTables.ByYear table) {
		List<String> headers = new ArrayList<>();
		headers.add(text("evidence.column.years"));
		List<String> counts = new ArrayList<>();
		counts.add(text("evidence.column.number"));
		for (EvidenceTables.YearRow row : table.rows()) {
			headers.add(Integer.toString(row.year()));
			counts.add(Long.toString(row.count()));
		}
		headers.add(text("evidence.column.total"));
		counts.add(Long.toString(table.total()));
		return new Grid("by-year", text("evidence.table.byYear"), headers, List.of(counts));
	}

	/** Table 4's layout: each thematic area with its count and share. */
	Grid byTheme(EvidenceTables.ByTheme table) {
		List<List<String>> rows = new ArrayList<>();
		for (EvidenceTables.ThemeRow row : table.rows()) {
			rows.add(List.of(row.theme().name().in(locale), Long.toString(row.count()), share(row.share())));
		}
		rows.add(List.of(text("evidence.column.total"), Long.toString(table.total()),
				share(EvidenceTables.share(table.total(), table.total()))));
		return new Grid("by-theme", text("evidence.table.byTheme"),
				List.of(text("evidence.column.theme"), text("evidence.column.count"), text("evidence.column.share")),
				rows);
	}

	/** Table 5's layout: claim, strength, reasoning, and the supporting publications. */
	Grid claims(EvidenceTables.Claims table) {
		List<List<String>> rows = new ArrayList<>();
		for (EvidenceTables.ClaimRow row : table.rows()) {
			rows.add(List.of(row.claim().name().in(locale), text("evidence.strength." + row.claim().strength()),
					row.claim().reasoning() == null ? "" : row.claim().reasoning().in(locale),
					Integer.toString(row.publications().size()),
					String.join("; ", row.publications().stream().map(Publication::citation).toList())));
		}
		return new Grid("claims", text("evidence.table.claims"),
				List.of(text("evidence.column.claim"), text("evidence.column.strength"),
						text("evidence.column.reasoning"), text("evidence.column.count"),
						text("evidence.column.publications")),
				rows);
	}

	/**
	 * The evidence-gap map as its data table: thematic areas down, populations across.
	 */
	Grid gapMap(EvidenceTables.GapMap map) {
		List<String> headers = new ArrayList<>();
		headers.add(text("evidence.column.theme"));
		map.populations().forEach(p -> headers.add(p.name().in(locale)));
		List<List<String>> rows = new ArrayList<>();
		for (int t = 0; t < map.themes().size(); t++) {
			List<String> row = new ArrayList<>();
			row.add(map.themes().get(t).name().in(locale));
			for (int p = 0; p < map.populations().size(); p++) {
				row.add(Long.toString(map.counts()[t][p]));
			}
			rows.add(row);
		}
		return new Grid("gap-map", text("evidence.table.gapMap"), headers, rows);
	}

	/** Cohen's kappa of each code, with the 2×2 table it comes from. */
	Grid agreement(List<EvidenceTables.CodeAgreement> agreement) {
		List<List<String>> rows = new ArrayList<>();
		for (EvidenceTables.CodeAgreement row : agreement) {
			Kappa k = row.kappa();
			rows.add(List.of(row.code().name().in(locale), text("evidence.dimension." + row.code().dimension()),
					Integer.toString(k.a()), Integer.toString(k.b()), Integer.toString(k.c()), Integer.toString(k.d()),
					plain(k.observed()), plain(k.expected()), k.kappa() != null ? k.kappa().toPlainString()
							: k.pairs() == 0 ? text("evidence.kappa.noPairs") : text("evidence.kappa.undefined")));
		}
		return new Grid("agreement", text("evidence.table.agreement"),
				List.of(text("evidence.column.code"), text("evidence.column.dimension"), text("evidence.column.both"),
						text("evidence.column.firstOnly"), text("evidence.column.secondOnly"),
						text("evidence.column.neither"), text("evidence.column.observed"),
						text("evidence.column.expected"), text("evidence.column.kappa")),
				rows);
	}

	Chart yearChart(EvidenceTables.ByYear table) {
		return bars("by-year-chart", text("evidence.table.byYear"), false, table.rows(),
				r -> Integer.toString(r.year()), r -> BigDecimal.valueOf(r.count()), r -> Long.toString(r.count()));
	}

	Chart themeChart(EvidenceTables.ByTheme table) {
		return bars("by-theme-chart", text("evidence.table.byTheme"), true, table.rows(),
				r -> r.theme().name().in(locale), r -> BigDecimal.valueOf(r.count()),
				r -> r.count() + (r.share() == null ? "" : " (" + r.share().toPlainString() + "%)"));
	}

	Chart claimChart(EvidenceTables.Claims table) {
		return bars("claims-chart", text("evidence.table.claims"), true, table.rows(), r -> r.claim().name().in(locale),
				r -> BigDecimal.valueOf(r.publications().size()),
				r -> r.publications().size() + " · " + text("evidence.strength." + r.claim().strength()));
	}

	/** The heat map's figures: [population index, theme index, count] for every cell. */
	Chart heatMap(EvidenceTables.GapMap map) {
		List<List<Long>> cells = new ArrayList<>();
		long max = 0;
		for (int t = 0; t < map.themes().size(); t++) {
			for (int p = 0; p < map.populations().size(); p++) {
				cells.add(List.of((long) p, (long) t, map.counts()[t][p]));
				max = Math.max(max, map.counts()[t][p]);
			}
		}
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("x", map.populations().stream().map(p -> p.name().in(locale)).toList());
		spec.put("y", map.themes().stream().map(t -> t.name().in(locale)).toList());
		spec.put("cells", cells);
		spec.put("max", max);
		return new Chart("gap-map-chart", text("evidence.chart.heatMap", text("evidence.table.gapMap")),
				JSON.writeValueAsString(spec));
	}

	private <T> Chart bars(String id, String title, boolean horizontal, List<T> rows, Function<T, String> category,
			Function<T, BigDecimal> value, Function<T, String> label) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", title);
		series.put("data", rows.stream().map(value).toList());
		series.put("labels", rows.stream().map(label).toList());
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("kind", "bar");
		spec.put("horizontal", horizontal);
		spec.put("categories", rows.stream().map(category).toList());
		spec.put("series", List.of(series));
		return new Chart(id, text("evidence.chart.bars", title), JSON.writeValueAsString(spec));
	}

	static String csv(Grid grid) {
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, grid.headers());
		grid.rows().forEach(row -> line(out, row));
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			org.barshaga.kernel.SpreadsheetCells.appendCsv(out, cells.get(i));
		}
		out.append("\r\n");
	}

	private static String share(BigDecimal share) {
		return share == null ? "" : share.toPlainString();
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

}
