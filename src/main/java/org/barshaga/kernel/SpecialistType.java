package org.barshaga.kernel;

/**
 * A type of support specialist, shared by the learner register (recommended and delivered
 * hours) and the staff register.
 */
public enum SpecialistType implements Coded {

	TEACHER_ASSISTANT, SPECIAL_TEACHER, SPEECH_THERAPIST, EDUCATIONAL_PSYCHOLOGIST, SOCIAL_EDUCATOR, TUTOR,
	SIGN_LANGUAGE_INTERPRETER

}
