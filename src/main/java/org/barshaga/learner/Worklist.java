package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/**
 * The lists of children someone has to act on. Definitions are in
 * docs/learner-register.md; the SQL is in {@link LearnerRepository}.
 */
public enum Worklist implements Coded {

	/** The latest conclusion's review date is within 30 days or past. */
	REVIEW_DUE,
	/** No consent to processing personal data in force. */
	CONSENT_MISSING,
	/** The current plan has an ended term without a review. */
	PLAN_REVIEW_MISSING,
	/** A recommended service had no attended session last month. */
	SERVICE_NOT_DELIVERED,
	/** The form of education provided differs from the recommended one. */
	FORM_NOT_PROVIDED,
	/**
	 * In the latest term with results, the mean percentage of the subjects also sat in
	 * the term before fell by 15 points or more; or in the latest term with attendance,
	 * more than 20% of the school days were missed without a valid reason.
	 */
	FALLING_BEHIND

}
