package org.barshaga.network;

import org.barshaga.kernel.Coded;

/**
 * How soon the school needs an answer; the centre's worklist puts urgent requests first.
 */
public enum Urgency implements Coded {

	ROUTINE, SOON, URGENT

}
