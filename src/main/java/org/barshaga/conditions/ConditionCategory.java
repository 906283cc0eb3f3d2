package org.barshaga.conditions;

import org.barshaga.kernel.Coded;

/** The parts of the conditions survey. */
public enum ConditionCategory implements Coded {

	ACCESSIBILITY, MATERIALS, ROOMS, TRANSPORT

}
