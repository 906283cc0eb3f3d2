package org.barshaga.learner;

import java.time.LocalDate;

public record EnrolmentEnd(LocalDate endedOn, EnrolmentEndReason reason) {
}
