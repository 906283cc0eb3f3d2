package org.barshaga.evidence;

/**
 * What a code of the codebook classifies. A publication has exactly one thematic area,
 * and any number of claims and populations.
 */
public enum Dimension {

	THEME, CLAIM, POPULATION;

	boolean single() {
		return this == THEME;
	}

}
