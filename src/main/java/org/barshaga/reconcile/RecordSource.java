package org.barshaga.reconcile;

/** The non-education registers that reconciliation links to the enrolment extract. */
enum RecordSource {

	/** The health registry's children with a disability. */
	HEALTH,

	/**
	 * The social-protection register's children with a disability who receive the
	 * benefit.
	 */
	BENEFIT;

	String messageKey() {
		return "reconcile.register." + name();
	}

}
