package org.barshaga.indicators;

/**
 * Whether values are asked for a unit itself or for each of the units or schools below
 * it.
 */
public enum Level {

	SELF, CHILDREN

}
