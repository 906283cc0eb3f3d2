package org.barshaga.conditions;

import java.math.BigDecimal;
import java.time.LocalDate;

public record StaffDraft(String fullName, String iin, PositionType position, BigDecimal fte, String qualification,
		LocalDate startedOn, LocalDate endedOn) {
}
