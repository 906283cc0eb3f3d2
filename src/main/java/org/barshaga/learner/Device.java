package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

/** An assistive device given to the child. */
public record Device(long id, DeviceKind kind, String description, LocalDate providedOn, LocalDate returnedOn,
		DeviceCondition condition, Instant recordedAt, String recordedBy, int version) {
}
