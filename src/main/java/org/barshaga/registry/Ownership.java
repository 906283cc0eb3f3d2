package org.barshaga.registry;

public enum Ownership {

	STATE, PRIVATE;

	public String messageKey() {
		return "organisation.ownership." + name();
	}

}
