package org.barshaga.reports;

/**
 * One bar of a chart drawn as SVG on the server: its length and the target's position as
 * a share of the chart's width (0 to 100, written with a dot for the SVG), none when the
 * place has no value or no target.
 */
public record Bar(String length, String target, String colour) {
}
