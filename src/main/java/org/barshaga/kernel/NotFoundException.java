package org.barshaga.kernel;

/**
 * The record does not exist, or lies outside the caller's scope: the two are deliberately
 * indistinguishable so that existence is not revealed.
 */
public class NotFoundException extends RuntimeException {

	private final String recordType;

	public NotFoundException(String recordType, Object id) {
		super(recordType + " " + id + " not found");
		this.recordType = recordType;
	}

	public String recordType() {
		return recordType;
	}

}
