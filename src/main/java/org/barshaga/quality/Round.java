package org.barshaga.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * A round: one published instrument version handed to the schools of a unit between two
 * dates (both included). {@code grades} are the pupils' grades, empty for other
 * respondents.
 */
public record Round(long id, String instrumentCode, int instrumentVersion, String unitCode, String path,
		List<Integer> grades, LocalDate opensOn, LocalDate closesOn, String createdBy) {

	public enum Status {

		UPCOMING, OPEN, CLOSED

	}

	public Round {
		grades = List.copyOf(grades);
	}

	public Status status(LocalDate today) {
		if (today.isBefore(opensOn)) {
			return Status.UPCOMING;
		}
		return today.isAfter(closesOn) ? Status.CLOSED : Status.OPEN;
	}

}
