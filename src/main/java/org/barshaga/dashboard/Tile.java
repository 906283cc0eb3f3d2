package org.barshaga.dashboard;

/**
 * A region on the tile map: its short name, its value as text and the band of the colour
 * scale it falls in (0 when it has no value).
 */
public record Tile(String code, String shortName, String name, String href, String valueText, int band,
		boolean hasValue) {
}
