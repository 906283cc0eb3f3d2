package org.barshaga.dashboard;

/**
 * A key cell of a row.
 *
 * @param href where the name leads (drilling down), or none
 * @param heading whether it names the row
 * @param kind rank, code, name, dimension, year or indicator
 */
public record FigureKey(String text, String href, boolean heading, String kind) {

	public boolean isCode() {
		return kind.equals("code");
	}

	public boolean isRank() {
		return kind.equals("rank");
	}

}
