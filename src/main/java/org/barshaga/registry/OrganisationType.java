package org.barshaga.registry;

/** The kinds of organisation the registry keeps. */
public enum OrganisationType {

	GENERAL_SCHOOL, SPECIAL_SCHOOL, KINDERGARTEN, SPECIAL_KINDERGARTEN, COLLEGE, PMPC, KPPK, REHABILITATION_CENTRE,
	AUTISM_CENTRE, RESOURCE_CENTRE;

	public String messageKey() {
		return "organisation.type." + name();
	}

	/**
	 * Organisations where children are taught, whose staff keep a register of learners.
	 */
	public boolean teachesChildren() {
		return this == GENERAL_SCHOOL || this == SPECIAL_SCHOOL || this == KINDERGARTEN || this == SPECIAL_KINDERGARTEN
				|| this == COLLEGE;
	}

}
