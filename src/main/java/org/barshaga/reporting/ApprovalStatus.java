package org.barshaga.reporting;

import java.util.List;
import java.util.Map;

/**
 * Where every organisation under a unit stands in a period: each school's submission
 * status ({@code NOT_SUBMITTED} without one; other organisations report nothing and are
 * {@code NOT_EXPECTED}), the counts of each status, and the districts and regions
 * approved.
 */
public record ApprovalStatus(int year, String unit, boolean accepted, Map<String, Long> counts,
		List<Organisation> organisations, List<String> approvedUnits) {

	public record Organisation(String code, String status) {
	}

}
