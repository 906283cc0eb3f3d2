package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/**
 * The lawful grounds on which a child's record is erased (the Law on Personal Data and
 * their Protection: the subject's or legal representative's request once the consent is
 * withdrawn, the purpose achieved, the retention period over, unlawful processing, a
 * court's decision).
 */
public enum ErasureBasis implements Coded {

	CONSENT_WITHDRAWN, PURPOSE_ACHIEVED, RETENTION_ENDED, UNLAWFUL_PROCESSING, COURT_DECISION

}
