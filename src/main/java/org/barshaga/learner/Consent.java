package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A consent given by a guardian. Withdrawal is recorded with its date beside the consent,
 * which is never deleted.
 */
public record Consent(long id, ConsentPurpose purpose, Long guardianId, String guardianName, LocalDate givenOn,
		Instant recordedAt, String recordedBy, LocalDate withdrawnOn, String withdrawalRecordedBy) {

	public boolean activeOn(LocalDate day) {
		return !givenOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
	}

}
