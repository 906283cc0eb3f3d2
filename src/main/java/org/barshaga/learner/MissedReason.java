package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Why a planned support session did not take place. */
public enum MissedReason implements Coded {

	ILLNESS, ABSENT, SPECIALIST_UNAVAILABLE, SCHOOL_EVENT, OTHER

}
