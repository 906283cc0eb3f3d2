package org.barshaga.dashboard;

import java.util.List;

/**
 * A table of figures as shown on a page and as downloaded: the key columns that say which
 * place, year or value of a dimension a row is for, then a group of columns (numerator,
 * denominator, value) for each indicator. Totals are the place's own figures below the
 * rows.
 *
 * @param id the table's id on the page
 * @param query the request that forms this table again for a download
 */
public record FigureTable(String id, String caption, List<String> keyHeaders, List<Boolean> keysOnPage,
		List<FigureGroup> groups, List<FigureRow> rows, List<FigureRow> totals, String query) {

	public FigureTable {
		keyHeaders = List.copyOf(keyHeaders);
		keysOnPage = List.copyOf(keysOnPage);
		groups = List.copyOf(groups);
		rows = List.copyOf(rows);
		totals = List.copyOf(totals);
	}

	public String csvHref() {
		return "/dashboards/data.csv?" + query;
	}

	public String xlsxHref() {
		return "/dashboards/data.xlsx?" + query;
	}

	/** How many key columns the page shows (the downloads have them all). */
	public int shownKeys() {
		return (int) keysOnPage.stream().filter(Boolean::booleanValue).count();
	}

	public boolean isEmpty() {
		return rows.isEmpty() && totals.isEmpty();
	}

	/** The rows and then the totals, in the order a download lists them. */
	public List<FigureRow> allRows() {
		return java.util.stream.Stream.concat(rows.stream(), totals.stream()).toList();
	}

	/** The first total, the place's own figures, if the table has one. */
	public FigureRow total() {
		return totals.isEmpty() ? null : totals.get(0);
	}

	/** The row of a place, year or value, by its code. */
	public FigureRow row(String code) {
		return allRows().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
	}

}
