package org.barshaga.kernel;

/** Someone else changed the record after the caller read it; nothing was written. */
public class EditConflictException extends RuntimeException {

	public EditConflictException(String recordType, Object id) {
		super(recordType + " " + id + " was changed by someone else");
	}

}
