package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/**
 * Categories of special educational needs named in a PMPC conclusion (health-related).
 */
public enum SenCategory implements Coded {

	HEARING, VISION, SPEECH, INTELLECTUAL, DEVELOPMENTAL_DELAY, MOTOR, AUTISM, EMOTIONAL_BEHAVIOURAL, MULTIPLE, SOMATIC,
	SPECIFIC_LEARNING

}
