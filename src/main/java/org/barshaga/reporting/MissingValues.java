package org.barshaga.reporting;

import org.barshaga.kernel.Coded;

/**
 * What a rule does at a school where a side has no figure, that is where every measure it
 * names counts nothing there.
 */
public enum MissingValues implements Coded {

	/** Nothing counted is zero, and the sides are compared. */
	COUNT_AS_ZERO,

	/** The rule says nothing about such a school. */
	SKIP

}
