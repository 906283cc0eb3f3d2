package org.barshaga.reporting;

/**
 * Where a school's submission stands: submitted and waiting for its district, returned to
 * the school with a comment, approved (its figures locked), or reopened by the district
 * on the school's request so that the school corrects and submits again.
 */
public enum SubmissionStatus {

	SUBMITTED, RETURNED, APPROVED, REOPENED;

	/** Whether the school may submit (again). */
	public boolean open() {
		return this == RETURNED || this == REOPENED;
	}

	public String messageKey() {
		return "reporting.status." + name();
	}

}
