package org.barshaga.learner;

import java.time.LocalDate;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.Sex;

/** A line of a list of learners: who, and where they are taught now. */
public record LearnerSummary(long id, String fullName, String iin, LocalDate birthDate, Sex sex,
		LocalizedName organisationName, EducationForm form, String path) {
}
