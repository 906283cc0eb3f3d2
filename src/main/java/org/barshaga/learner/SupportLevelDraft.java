package org.barshaga.learner;

import java.time.LocalDate;

public record SupportLevelDraft(Integer level, LocalDate setOn, String rationale) {
}
