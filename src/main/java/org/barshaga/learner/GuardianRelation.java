package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** How a guardian is related to the child. */
public enum GuardianRelation implements Coded {

	MOTHER, FATHER, GUARDIAN, FOSTER_PARENT, OTHER

}
