package org.barshaga.kernel;

/**
 * Whether a school's figures of a school year stand approved in the reporting cycle, and
 * so may not change until the level above unlocks them. The registers that a submission
 * covers ask before they write; the reporting cycle answers. It lives here so that a
 * register need not depend on the module that approves its figures.
 */
public interface ApprovedFigures {

	boolean locked(long organisationId, int schoolYear);

	/**
	 * Refuses a write to the school's figures of the year while they are locked, naming
	 * the field the form shows the refusal against.
	 */
	default void refuseIfLocked(long organisationId, int schoolYear, String field) {
		if (locked(organisationId, schoolYear)) {
			throw InvalidInputException.of(field, "validation.reporting.locked", new SchoolYear(schoolYear).label());
		}
	}

}
