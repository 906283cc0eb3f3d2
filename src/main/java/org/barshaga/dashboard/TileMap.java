package org.barshaga.dashboard;

import java.util.List;

/**
 * The regions laid out roughly as on the map of Kazakhstan, with the legend of the colour
 * bands.
 */
public record TileMap(List<Tile> tiles, List<Band> legend, boolean anyWithoutValue) {

	public TileMap {
		tiles = List.copyOf(tiles);
		legend = List.copyOf(legend);
	}

}
