package org.barshaga.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school year's reporting: the census day the figures are counted on, and the day by
 * which each level has done its part (schools submit, districts approve, regions approve,
 * the Ministry accepts).
 */
public record ReportingPeriod(int year, LocalDate census, LocalDate schoolDeadline, LocalDate districtDeadline,
		LocalDate regionDeadline, LocalDate ministryDeadline, PeriodStatus status, Instant updatedAt, String updatedBy,
		int version) {

	public String label() {
		return year + "–" + (year + 1);
	}

}
