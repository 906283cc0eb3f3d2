package org.barshaga.reconcile.bench;

import java.time.LocalDate;

/**
 * One person as the linkers see it: a health-registry record or a pupil of the enrolment
 * extract. Names are as read (original script and case); {@code iin}, {@code patronymic},
 * {@code birthDate} may be null where the source has none.
 *
 * @param id the health record id, or the IIN for a pupil
 * @param iin the individual identification number as recorded
 * @param surname the surname
 * @param givenName the given name
 * @param patronymic the patronymic, or null
 * @param birthDate the birth date, or null when missing or not a date
 * @param sex {@code MALE} or {@code FEMALE}
 * @param region the region code, for example {@code KZ-61} (for a pupil, the region of
 * the school's unit)
 */
public record Person(String id, String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
		String sex, String region) {

}
