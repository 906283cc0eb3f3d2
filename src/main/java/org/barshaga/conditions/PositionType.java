package org.barshaga.conditions;

import org.barshaga.kernel.Coded;
import org.barshaga.kernel.SpecialistType;

/** A staff position: a teacher, or one of the support specialists. */
public enum PositionType implements Coded {

	TEACHER(null), TEACHER_ASSISTANT(SpecialistType.TEACHER_ASSISTANT), SPECIAL_TEACHER(SpecialistType.SPECIAL_TEACHER),
	SPEECH_THERAPIST(SpecialistType.SPEECH_THERAPIST),
	EDUCATIONAL_PSYCHOLOGIST(SpecialistType.EDUCATIONAL_PSYCHOLOGIST), SOCIAL_EDUCATOR(SpecialistType.SOCIAL_EDUCATOR),
	TUTOR(SpecialistType.TUTOR), SIGN_LANGUAGE_INTERPRETER(SpecialistType.SIGN_LANGUAGE_INTERPRETER);

	private final SpecialistType specialist;

	PositionType(SpecialistType specialist) {
		this.specialist = specialist;
	}

	/** The specialist type of a support position; null for a teacher. */
	public SpecialistType specialist() {
		return specialist;
	}

	public static PositionType of(SpecialistType specialist) {
		return valueOf(specialist.name());
	}

}
