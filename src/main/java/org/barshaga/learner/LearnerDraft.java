package org.barshaga.learner;

import java.time.LocalDate;

import org.barshaga.kernel.PersonNames;
import org.barshaga.kernel.Sex;
import org.barshaga.registry.InstructionLanguage;

/**
 * A child's identity as submitted. A school coordinator also gives the first enrolment,
 * in their own school; others may leave it out and enrol the child later.
 */
public record LearnerDraft(String iin, NoIinReason noIinReason, String surname, String givenName, String patronymic,
		LocalDate birthDate, Sex sex, Citizenship citizenship, InstructionLanguage language, Disability disability,
		String homeUnitCode, EnrolmentDraft enrolment, Integer version) {

	public LearnerDraft {
		surname = PersonNames.normalised(surname);
		givenName = PersonNames.normalised(givenName);
		patronymic = PersonNames.normalised(patronymic);
	}

}
