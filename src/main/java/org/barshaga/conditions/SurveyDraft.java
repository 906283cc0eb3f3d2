package org.barshaga.conditions;

import java.time.LocalDate;
import java.util.Map;

/** A survey as submitted; the version is that of the survey read, 0 for a new one. */
public record SurveyDraft(Map<ConditionItem, Survey.Entry> items, Boolean reportedCreated, LocalDate reportedOn,
		Integer version) {
}
