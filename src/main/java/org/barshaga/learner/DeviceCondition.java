package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** The state of an assistive device. */
public enum DeviceCondition implements Coded {

	GOOD, WORN, NEEDS_REPAIR, BROKEN

}
