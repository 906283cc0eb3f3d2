package org.barshaga.dashboard;

/**
 * A section of a theme's view: its name (which gives its heading, hint and anchor), its
 * table, and the chart of it (none when the table is empty).
 */
public record ThemeSection(String name, FigureTable table, Chart chart) {
}
