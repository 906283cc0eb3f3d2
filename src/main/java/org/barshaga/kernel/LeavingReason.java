package org.barshaga.kernel;

/**
 * Why a pupil left a school: completing grade 9 or the last grade (11, or 12 where the
 * school teaches twelve), a transfer to another school, dropping out, moving abroad,
 * death.
 */
public enum LeavingReason implements Coded {

	COMPLETED_GRADE_9, COMPLETED_GRADE_11, TRANSFER, DROPOUT, MOVED_ABROAD, DEATH

}
