package org.barshaga.dashboard;

/** A band of the tile map's colour scale, with the range of values it stands for. */
public record Band(int band, String text) {
}
