package org.barshaga.reconcile;

import java.time.LocalDate;

import org.barshaga.kernel.Sex;

/** A pupil of the enrolment extract, with the path of the school. */
record Pupil(String iin, String surname, String givenName, String patronymic, LocalDate birthDate, Sex sex,
		long organisationId, String path) {
}
