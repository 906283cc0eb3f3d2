package org.barshaga.registry;

public enum Settlement {

	URBAN, RURAL;

	public String messageKey() {
		return "organisation.settlement." + name();
	}

}
