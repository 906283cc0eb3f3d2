package org.barshaga.dashboard;

import java.util.List;

/**
 * One row of a table: its key cells and a cell for each indicator.
 *
 * @param code what the row is for: a place code, a year or the code of a dimension's
 * value
 */
public record FigureRow(String code, List<FigureKey> keys, List<FigureCell> cells) {

	public FigureRow {
		keys = List.copyOf(keys);
		cells = List.copyOf(cells);
	}

	/** The key cell that names the row, shown as its heading. */
	public FigureKey heading() {
		return keys.stream().filter(FigureKey::heading).findFirst().orElse(keys.get(keys.size() - 1));
	}

	/** The code of the row's place, shown under its name on the page. */
	public String placeCode() {
		return keys.stream().filter(FigureKey::isCode).map(FigureKey::text).findFirst().orElse(null);
	}

	public FigureCell cell() {
		return cells.get(0);
	}

}
