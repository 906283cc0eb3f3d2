package org.barshaga.dashboard;

/**
 * The columns of one indicator in a table, headed by what its numerator and denominator
 * count.
 *
 * @param denominator whether the indicator has a denominator (a count has none)
 */
public record FigureGroup(String code, String title, String numeratorHeader, String denominatorHeader,
		String valueHeader, boolean denominator) {
}
