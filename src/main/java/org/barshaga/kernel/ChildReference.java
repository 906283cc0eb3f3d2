package org.barshaga.kernel;

/**
 * A child of the learner register as other modules find its rows: by the learner's id, or
 * by the IIN (null for a child registered without one) in the registers keyed by it.
 */
public record ChildReference(long learnerId, String iin) {

	/** The IIN as the registers that keep it as a number hold it; null without one. */
	public Long iinNumber() {
		return iin == null ? null : Long.valueOf(iin);
	}

}
