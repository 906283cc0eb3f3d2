package org.barshaga.learner;

import java.time.LocalDate;

/**
 * An enrolment as submitted. When the child has an open enrolment, it ends on the new
 * start date with {@code previousEndReason} (a transfer, usually).
 */
public record EnrolmentDraft(String organisationCode, String grade, String className, EducationForm form,
		LocalDate startedOn, EnrolmentEndReason previousEndReason) {
}
