package org.barshaga.indicators;

/** The direction of an indicator that counts as progress. */
public enum Better {

	HIGHER, LOWER, NEUTRAL;

	public String messageKey() {
		return "indicator.better." + name();
	}

}
