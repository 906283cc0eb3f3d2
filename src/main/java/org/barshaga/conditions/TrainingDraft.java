package org.barshaga.conditions;

import java.time.LocalDate;

public record TrainingDraft(String course, String provider, Integer hours, LocalDate completedOn, Boolean inclusive) {
}
