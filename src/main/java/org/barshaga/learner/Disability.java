package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/**
 * Officially established disability status (a health-related field). {@code NOT_RECORDED}
 * is what a record holds when it was registered by someone who may not see health fields.
 */
public enum Disability implements Coded {

	NONE, CHILD_WITH_DISABILITY, GROUP_1, GROUP_2, GROUP_3, NOT_RECORDED

}
