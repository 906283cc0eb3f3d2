package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Conditions a PMPC recommends for the child. */
public enum RecommendedCondition implements Coded {

	ASSISTIVE_TECHNOLOGY, BRAILLE, ENLARGED_PRINT, AUDIO_MATERIALS, SIGN_LANGUAGE, TRANSPORT, ACCESSIBLE_ENVIRONMENT,
	ADAPTED_WORKPLACE

}
