package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** The area of development a plan goal addresses. */
public enum GoalDomain implements Coded {

	COMMUNICATION, COGNITIVE, ACADEMIC, SOCIAL_EMOTIONAL, SELF_CARE, MOTOR, BEHAVIOUR

}
