package org.barshaga.learner;

import java.time.LocalDate;

import org.barshaga.kernel.SpecialistType;

public record SessionDraft(LocalDate heldOn, Integer minutes, SpecialistType specialist, Boolean grouped,
		Boolean attended, MissedReason missedReason) {
}
