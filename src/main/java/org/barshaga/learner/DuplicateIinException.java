package org.barshaga.learner;

import java.util.List;

import org.barshaga.kernel.InvalidInputException;

/**
 * The IIN belongs to a learner already registered in the user's scope; pages and the API
 * link to that record.
 */
public class DuplicateIinException extends InvalidInputException {

	private final long existingId;

	DuplicateIinException(long existingId) {
		super(List.of(new Problem("iin", "validation.iin.duplicate", List.of(String.valueOf(existingId)))));
		this.existingId = existingId;
	}

	public long existingId() {
		return existingId;
	}

}
