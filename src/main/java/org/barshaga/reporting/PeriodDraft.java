package org.barshaga.reporting;

import java.time.LocalDate;

/**
 * A period as submitted: its deadlines and status, with the version read (0 for a period
 * not opened yet).
 */
public record PeriodDraft(LocalDate schoolDeadline, LocalDate districtDeadline, LocalDate regionDeadline,
		LocalDate ministryDeadline, String status, Integer version) {
}
