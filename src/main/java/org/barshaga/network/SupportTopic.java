package org.barshaga.network;

import org.barshaga.kernel.Coded;

/** What a school asks a support organisation for help with. */
public enum SupportTopic implements Coded {

	CHILD_BEHAVIOUR, COMMUNICATION, CURRICULUM_ADAPTATION, ASSISTIVE_TECHNOLOGY, WORKING_WITH_PARENTS, ASSESSMENT,
	CLASSROOM_INCLUSION

}
