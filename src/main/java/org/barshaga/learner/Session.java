package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.kernel.SpecialistType;

/** A support session logged by a specialist, attended or missed. */
public record Session(long id, LocalDate heldOn, int minutes, SpecialistType specialist, boolean grouped,
		boolean attended, MissedReason missedReason, Instant recordedAt, String recordedBy) {
}
