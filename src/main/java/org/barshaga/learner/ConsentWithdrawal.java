package org.barshaga.learner;

import java.time.LocalDate;

public record ConsentWithdrawal(LocalDate withdrawnOn) {
}
