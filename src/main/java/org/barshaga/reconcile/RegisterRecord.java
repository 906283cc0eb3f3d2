package org.barshaga.reconcile;

import java.time.LocalDate;

import org.barshaga.kernel.Sex;

/**
 * A record of the health registry or of the social-protection register as received: the
 * IIN may be missing or mistyped, the names in any script. {@code path} is the place of
 * residence, the district when the register gave it, else the region. {@code group} is
 * the disability group the register states (for a benefit, the group its type implies),
 * or null when it states none.
 */
record RegisterRecord(RecordSource source, String recordId, String iin, String surname, String givenName,
		String patronymic, LocalDate birthDate, Sex sex, String path, String group) {

	/** A health-registry record whose disability group does not matter to the caller. */
	RegisterRecord(String recordId, String iin, String surname, String givenName, String patronymic,
			LocalDate birthDate, Sex sex, String path) {
		this(RecordSource.HEALTH, recordId, iin, surname, givenName, patronymic, birthDate, sex, path, null);
	}

	/** Unique across both registers, whose record ids are each register's own. */
	String key() {
		return source.name() + ":" + recordId;
	}

}
