package org.barshaga.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school year's reporting: the census day the figures are counted on, and the day by
 * which each level has done its part (schools submit, districts approve, regions approve,
 * the Ministry accepts), and when the Ministry accepted it, if it has.
 */
public record ReportingPeriod(int year, LocalDate census, LocalDate schoolDeadline, LocalDate districtDeadline,
		LocalDate regionDeadline, LocalDate ministryDeadline, PeriodStatus status, Instant updatedAt, String updatedBy,
		int version, Instant acceptedAt, String acceptedBy) {

	public String label() {
		return year + "–" + (year + 1);
	}

}
