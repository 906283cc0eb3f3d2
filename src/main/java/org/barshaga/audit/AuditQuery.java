package org.barshaga.audit;

import java.time.LocalDate;

/** Filters of the audit log; any of them may be empty. */
public record AuditQuery(String actor, String recordType, String recordId, LocalDate from, LocalDate to, int page) {

	public static final int PAGE_SIZE = 50;

	public AuditQuery {
		actor = blankToNull(actor);
		recordType = blankToNull(recordType);
		recordId = blankToNull(recordId);
		page = Math.max(page, 0);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
