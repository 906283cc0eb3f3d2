package org.barshaga.conditions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A person in a position at an organisation, with their training. */
public record StaffMember(long id, long organisationId, String fullName, String iin, PositionType position,
		BigDecimal fte, String qualification, LocalDate startedOn, LocalDate endedOn, List<Training> trainings,
		int version) {

	public boolean activeOn(LocalDate day) {
		return !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
	}

}
