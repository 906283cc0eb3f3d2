package org.barshaga.reconcile;

/** What reconciliation says of one health-registry record. */
enum ReconcileOutcome {

	/**
	 * Enrolled, with a PMPC conclusion in the learner register and support given this
	 * year.
	 */
	SUPPORTED,

	/** Enrolled, but the learner register has no conclusion for the child. */
	NO_SEN_RECORD,

	/** Enrolled with a conclusion, and no attended support session this school year. */
	NO_SUPPORT,

	/** Of school age and found in no school's enrolment. */
	NOT_ENROLLED,

	/** Not found in enrolment, and under 6 or over 17 on 1 September. */
	NOT_SCHOOL_AGE,

	/** A possible link that a district or region officer has to confirm or reject. */
	UNCERTAIN;

	String messageKey() {
		return "reconcile.outcome." + name();
	}

	/** The outcomes that call for someone to act, in the order of the lists. */
	boolean needsAction() {
		return this != SUPPORTED && this != NOT_SCHOOL_AGE;
	}

}
