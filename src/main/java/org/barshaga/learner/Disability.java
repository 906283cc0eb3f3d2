package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Officially established disability status (a health-related field). */
public enum Disability implements Coded {

	NONE, CHILD_WITH_DISABILITY, GROUP_1, GROUP_2, GROUP_3

}
