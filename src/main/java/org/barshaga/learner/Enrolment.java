package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.kernel.LocalizedName;

/** A period of a child in an organisation, in one form of education. */
public record Enrolment(long id, long organisationId, String organisationCode, LocalizedName organisationName,
		String grade, String className, EducationForm form, LocalDate startedOn, LocalDate endedOn,
		EnrolmentEndReason endReason, Instant recordedAt, String recordedBy) {

	public boolean isOpen() {
		return endedOn == null;
	}

}
