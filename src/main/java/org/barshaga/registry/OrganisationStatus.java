package org.barshaga.registry;

public enum OrganisationStatus {

	OPEN, CLOSED;

	public String messageKey() {
		return "organisation.status." + name();
	}

}
