package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A Child Functioning Module profile as answered, with the result computed when it was
 * recorded. {@code answers} and {@code result} are null for readers who may not see
 * health-related fields.
 */
public record Functioning(long id, LocalDate assessedOn, CfmAgeGroup ageGroup, Map<String, String> answers,
		FunctioningResult result, Instant recordedAt, String recordedBy) {

	Functioning withoutHealthFields() {
		return new Functioning(id, assessedOn, ageGroup, null, null, recordedAt, recordedBy);
	}

}
