package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Why a child is recorded without an IIN. */
public enum NoIinReason implements Coded {

	FOREIGN_NEWBORN, STATELESS, FOREIGN_CITIZEN, NOT_YET_ISSUED

}
