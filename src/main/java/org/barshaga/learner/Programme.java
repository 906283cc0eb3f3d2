package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** The curriculum a PMPC recommends. */
public enum Programme implements Coded {

	GENERAL, GENERAL_ADAPTED, SPECIAL_HEARING, SPECIAL_VISION, SPECIAL_SPEECH, SPECIAL_DEVELOPMENTAL_DELAY,
	SPECIAL_INTELLECTUAL_MILD, SPECIAL_INTELLECTUAL_MODERATE, SPECIAL_MOTOR, SPECIAL_AUTISM

}
