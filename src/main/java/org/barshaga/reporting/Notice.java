package org.barshaga.reporting;

import java.time.Instant;

/**
 * One step of the reporting cycle told to a person it concerns: what happened
 * ({@code messageKey}), to which school or unit, in which school year, by whom, with the
 * comment or reason given.
 */
public record Notice(long id, Instant createdAt, String messageKey, String placeCode, int year, String actor,
		String note) {

	public String yearLabel() {
		return year + "–" + (year + 1);
	}

}
