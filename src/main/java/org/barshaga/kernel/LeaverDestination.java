package org.barshaga.kernel;

/** Where a pupil who left school went, where the school knows it. */
public enum LeaverDestination implements Coded {

	GRADE_10_ELSEWHERE, COLLEGE, UNIVERSITY, EMPLOYMENT, AT_HOME, UNKNOWN

}
