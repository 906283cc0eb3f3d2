package org.barshaga.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.indicators.Indicator;

/**
 * The tile map of the regions. The positions, in a grid of seven columns and five rows
 * drawn roughly as the map of Kazakhstan, are in barshaga.css; here the tiles are listed
 * in reading order of that grid (north to south, west to east), so that the keyboard
 * moves through them as the eye does. Values fall into five bands of equal width between
 * the lowest and the highest value shown.
 */
final class TileMaps {

	/** The regions row by row: NKO; WKO, Kostanay, Akmola, Pavlodar; and so on. */
	static final List<String> ORDER = List.of("KZ-59", "KZ-27", "KZ-39", "KZ-11", "KZ-55", "KZ-23", "KZ-15", "KZ-62",
			"KZ-71", "KZ-35", "KZ-10", "KZ-63", "KZ-47", "KZ-43", "KZ-61", "KZ-31", "KZ-19", "KZ-33", "KZ-79", "KZ-75");

	static final int BANDS = 5;

	private TileMaps() {
	}

	/** Whether a table's rows are the regions of the map, so that it can be drawn. */
	static boolean drawable(FigureTable table) {
		return table.rows().size() == ORDER.size() && table.rows().stream().allMatch(row -> ORDER.contains(row.code()));
	}

	static TileMap of(Figures.Context c, Indicator indicator, FigureTable table) {
		BigDecimal low = null;
		BigDecimal high = null;
		for (FigureRow row : table.rows()) {
			BigDecimal value = row.cell().value();
			if (value != null) {
				low = low == null || value.compareTo(low) < 0 ? value : low;
				high = high == null || value.compareTo(high) > 0 ? value : high;
			}
		}
		int decimals = indicator.unit().decimals();
		List<Band> legend = new ArrayList<>();
		if (low != null) {
			int bands = low.compareTo(high) == 0 ? 1 : BANDS;
			for (int band = 1; band <= bands; band++) {
				BigDecimal from = bound(low, high, band - 1, bands, decimals);
				BigDecimal to = bound(low, high, band, bands, decimals);
				legend.add(new Band(band, bands == 1 ? c.value(indicator, from)
						: c.text("dashboard.map.range", c.value(indicator, from), c.value(indicator, to))));
			}
		}
		List<Tile> tiles = new ArrayList<>();
		boolean anyWithout = false;
		for (String code : ORDER) {
			FigureRow row = table.row(code);
			FigureCell cell = row.cell();
			int band = cell.value() == null ? 0 : band(cell.value(), low, high);
			anyWithout |= cell.value() == null;
			tiles.add(new Tile(code, c.text("dashboard.region." + code), row.heading().text(), row.heading().href(),
					cell.valueText(), band, cell.value() != null));
		}
		return new TileMap(tiles, legend, anyWithout);
	}

	private static BigDecimal bound(BigDecimal low, BigDecimal high, int step, int bands, int decimals) {
		return low
			.add(high.subtract(low)
				.multiply(BigDecimal.valueOf(step))
				.divide(BigDecimal.valueOf(bands), 10, RoundingMode.HALF_UP))
			.setScale(Math.max(0, Math.max(decimals, low.scale())), RoundingMode.HALF_UP);
	}

	static int band(BigDecimal value, BigDecimal low, BigDecimal high) {
		if (low.compareTo(high) == 0) {
			return 1;
		}
		BigDecimal position = value.subtract(low)
			.multiply(BigDecimal.valueOf(BANDS))
			.divide(high.subtract(low), 10, RoundingMode.HALF_UP);
		return Math.min(BANDS, position.intValue() + 1);
	}

}
