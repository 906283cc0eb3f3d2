package org.barshaga.conditions;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.barshaga.kernel.PersonNames;

public record StaffDraft(String fullName, String iin, PositionType position, BigDecimal fte, String qualification,
		LocalDate startedOn, LocalDate endedOn) {

	public StaffDraft {
		fullName = PersonNames.normalised(fullName);
	}

}
