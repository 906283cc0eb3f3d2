package org.barshaga.conditions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;

/**
 * What a training record must hold, whoever writes it: a school recording a course its
 * teacher took, or a centre recording the participants of its seminar.
 */
final class TrainingRules {

	static final int TEXT_LIMIT = 300;

	private TrainingRules() {
	}

	static void check(TrainingDraft draft, LocalDate today, InvalidInputException.Collector problems) {
		text(draft.course(), "course", problems);
		text(draft.provider(), "provider", problems);
		if (draft.hours() == null) {
			problems.add("hours", "validation.required");
		}
		else if (draft.hours() < 1 || draft.hours() > 2000) {
			problems.add("hours", "validation.training.hours");
		}
		if (draft.completedOn() == null) {
			problems.add("completedOn", "validation.required");
		}
		else if (draft.completedOn().isAfter(today)) {
			problems.add("completedOn", "validation.date.future");
		}
		if (draft.inclusive() == null) {
			problems.add("inclusive", "validation.required");
		}
	}

	/** The fields of a training as the audit log records them under its staff member. */
	static Map<String, Object> audited(TrainingDraft draft) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("training.course", draft.course());
		fields.put("training.provider", draft.provider());
		fields.put("training.hours", draft.hours());
		fields.put("training.completedOn", draft.completedOn());
		fields.put("training.inclusive", draft.inclusive());
		return fields;
	}

	private static void text(String value, String field, InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			problems.add(field, "validation.required");
		}
		else if (value.length() > TEXT_LIMIT) {
			problems.add(field, "validation.tooLong", TEXT_LIMIT);
		}
	}

}
