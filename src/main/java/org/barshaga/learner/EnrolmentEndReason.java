package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Why an enrolment ended. */
public enum EnrolmentEndReason implements Coded {

	TRANSFER, GRADUATION, DROPOUT, DEATH, MOVED_ABROAD

}
