package org.barshaga.reconcile;

import java.time.LocalDate;

import org.barshaga.kernel.Sex;

/**
 * A health-registry record as received: the IIN may be missing or mistyped, the names in
 * any script. {@code path} is the place of residence, the district when the registry gave
 * it, else the region.
 */
record HealthRecord(String recordId, String iin, String surname, String givenName, String patronymic,
		LocalDate birthDate, Sex sex, String path) {
}
