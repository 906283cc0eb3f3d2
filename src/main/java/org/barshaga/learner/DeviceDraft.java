package org.barshaga.learner;

import java.time.LocalDate;

public record DeviceDraft(DeviceKind kind, String description, LocalDate providedOn, LocalDate returnedOn,
		DeviceCondition condition, Integer version) {
}
