package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for the record of a child registered outside the requester's scope. The
 * requester sees what it entered and the answer; {@code learnerId} and
 * {@code learnerName} are given only to the holding place, and to the requester once the
 * record has moved to it.
 */
public record TransferRequest(long id, TransferStatus status, String targetCode, String surname, String givenName,
		String patronymic, LocalDate birthDate, Instant requestedAt, String requestedBy, Instant answeredAt,
		String answeredBy, Long learnerId, String learnerName) {

	public String submittedName() {
		return surname + " " + givenName + (patronymic == null ? "" : " " + patronymic);
	}

	TransferRequest forRequester() {
		boolean moved = status == TransferStatus.ACCEPTED;
		return new TransferRequest(id, status, targetCode, surname, givenName, patronymic, birthDate, requestedAt,
				requestedBy, answeredAt, moved ? answeredBy : null, moved ? learnerId : null,
				moved ? learnerName : null);
	}

}
