package org.barshaga.learner;

import java.time.LocalDate;
import java.util.Map;

public record FunctioningDraft(LocalDate assessedOn, CfmAgeGroup ageGroup, Map<String, String> answers) {
}
