package org.barshaga.learner;

import java.time.LocalDate;

public record ConsentDraft(ConsentPurpose purpose, Long guardianId, LocalDate givenOn) {
}
