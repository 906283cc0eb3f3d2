package org.barshaga.learner;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.barshaga.kernel.SpecialistType;

/**
 * What a demo PMPC concludes for a child: the SEN category at the published shares, the
 * recommended form, the programme and conditions that follow from the category, and the
 * weekly hours of each specialist. Apart from {@link DemoLearners} so that the clinical
 * side of the demo reads in one place.
 */
final class DemoConclusionDraws {

	private DemoConclusionDraws() {
	}

	static SenCategory category(SplittableRandom random) {
		double draw = random.nextDouble();
		if (draw < 0.25) {
			return SenCategory.SPEECH;
		}
		if (draw < 0.50) {
			return SenCategory.DEVELOPMENTAL_DELAY;
		}
		if (draw < 0.65) {
			return SenCategory.INTELLECTUAL;
		}
		if (draw < 0.73) {
			return SenCategory.AUTISM;
		}
		if (draw < 0.80) {
			return SenCategory.MOTOR;
		}
		if (draw < 0.85) {
			return SenCategory.HEARING;
		}
		if (draw < 0.90) {
			return SenCategory.VISION;
		}
		if (draw < 0.95) {
			return SenCategory.EMOTIONAL_BEHAVIOURAL;
		}
		return SenCategory.MULTIPLE;
	}

	static EducationForm recommendedForm(SplittableRandom random) {
		double draw = random.nextDouble();
		return draw < 0.72 ? EducationForm.INCLUSIVE_CLASS : draw < 0.82 ? EducationForm.SPECIAL_CLASS
				: draw < 0.96 ? EducationForm.HOME_BASED : EducationForm.DISTANCE;
	}

	static Programme programme(SenCategory category) {
		return switch (category) {
			case HEARING -> Programme.SPECIAL_HEARING;
			case VISION -> Programme.SPECIAL_VISION;
			case SPEECH -> Programme.GENERAL_ADAPTED;
			case DEVELOPMENTAL_DELAY -> Programme.SPECIAL_DEVELOPMENTAL_DELAY;
			case INTELLECTUAL -> Programme.SPECIAL_INTELLECTUAL_MILD;
			case MOTOR -> Programme.GENERAL_ADAPTED;
			case AUTISM -> Programme.SPECIAL_AUTISM;
			default -> Programme.GENERAL_ADAPTED;
		};
	}

	static String conditions(SenCategory category) {
		return switch (category) {
			case HEARING -> "ASSISTIVE_TECHNOLOGY,SIGN_LANGUAGE";
			case VISION -> "ASSISTIVE_TECHNOLOGY,ENLARGED_PRINT";
			case MOTOR -> "ACCESSIBLE_ENVIRONMENT,ADAPTED_WORKPLACE,TRANSPORT";
			default -> "";
		};
	}

	static Map<SpecialistType, Double> services(SenCategory category, SplittableRandom random) {
		Map<SpecialistType, Double> hours = new EnumMap<>(SpecialistType.class);
		switch (category) {
			case SPEECH -> hours.put(SpecialistType.SPEECH_THERAPIST, 2.0);
			case DEVELOPMENTAL_DELAY -> {
				hours.put(SpecialistType.SPECIAL_TEACHER, 2.0);
				hours.put(SpecialistType.SPEECH_THERAPIST, 1.0);
			}
			case INTELLECTUAL -> {
				hours.put(SpecialistType.SPECIAL_TEACHER, 3.0);
				hours.put(SpecialistType.TEACHER_ASSISTANT, 10.0);
			}
			case AUTISM -> {
				hours.put(SpecialistType.TUTOR, 10.0);
				hours.put(SpecialistType.EDUCATIONAL_PSYCHOLOGIST, 1.0);
			}
			case MOTOR -> hours.put(SpecialistType.TEACHER_ASSISTANT, 5.0);
			case HEARING -> {
				hours.put(SpecialistType.SIGN_LANGUAGE_INTERPRETER, 5.0);
				hours.put(SpecialistType.SPECIAL_TEACHER, 1.0);
			}
			case VISION -> hours.put(SpecialistType.SPECIAL_TEACHER, 2.0);
			default -> hours.put(SpecialistType.EDUCATIONAL_PSYCHOLOGIST, 1.0);
		}
		if (random.nextDouble() < 0.2) {
			hours.put(SpecialistType.SOCIAL_EDUCATOR, 1.0);
		}
		return hours;
	}

}
