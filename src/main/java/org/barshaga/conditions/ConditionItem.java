package org.barshaga.conditions;

import java.util.Arrays;
import java.util.List;

import org.barshaga.kernel.Coded;

/**
 * One thing a school has, or lacks, for inclusion; each belongs to a part of the survey.
 */
public enum ConditionItem implements Coded {

	STEP_FREE_ENTRANCE(ConditionCategory.ACCESSIBILITY), DOOR_WIDTHS(ConditionCategory.ACCESSIBILITY),
	LIFT_OR_PLATFORM(ConditionCategory.ACCESSIBILITY), ACCESSIBLE_TOILET(ConditionCategory.ACCESSIBILITY),
	STAIR_HANDRAILS(ConditionCategory.ACCESSIBILITY), TACTILE_GUIDANCE(ConditionCategory.ACCESSIBILITY),
	BRAILLE_SIGNAGE(ConditionCategory.ACCESSIBILITY), INDUCTION_LOOP(ConditionCategory.ACCESSIBILITY),
	ACCESSIBLE_CANTEEN(ConditionCategory.ACCESSIBILITY), SPECIAL_DESKS(ConditionCategory.ACCESSIBILITY),
	BRAILLE_TEXTBOOKS(ConditionCategory.MATERIALS), ENLARGED_PRINT(ConditionCategory.MATERIALS),
	AUDIO_MATERIALS(ConditionCategory.MATERIALS), TACTILE_MATERIALS(ConditionCategory.MATERIALS),
	AAC(ConditionCategory.MATERIALS), ADAPTED_COMPUTERS(ConditionCategory.MATERIALS),
	SIGN_LANGUAGE_SUPPORT(ConditionCategory.MATERIALS), INCLUSION_SUPPORT_ROOM(ConditionCategory.ROOMS),
	RESOURCE_ROOM(ConditionCategory.ROOMS), SENSORY_ROOM(ConditionCategory.ROOMS),
	PSYCHOLOGIST_OFFICE(ConditionCategory.ROOMS), SPEECH_THERAPY_ROOM(ConditionCategory.ROOMS),
	ACCESSIBLE_TRANSPORT(ConditionCategory.TRANSPORT);

	private final ConditionCategory category;

	ConditionItem(ConditionCategory category) {
		this.category = category;
	}

	public ConditionCategory category() {
		return category;
	}

	public static List<ConditionItem> of(ConditionCategory category) {
		return Arrays.stream(values()).filter(item -> item.category == category).toList();
	}

}
