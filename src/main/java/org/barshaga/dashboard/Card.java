package org.barshaga.dashboard;

/**
 * An indicator on the overview: its value for the place and school year with the
 * numerator and denominator it comes from, the national value, the target and the
 * distance to it, and the trend over the recent school years as a chart and a table.
 */
public record Card(String code, String name, String description, String better, FigureCell current,
		String numeratorLabel, String denominatorLabel, FigureCell national, String nationalName, String target,
		String distance, boolean reached, FigureTable trend, Chart chart) {
}
