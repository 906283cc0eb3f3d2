package org.barshaga.learner;

import java.time.LocalDate;

public record PlanDraft(Integer schoolYear, LocalDate startedOn, String adaptations, Integer version) {
}
