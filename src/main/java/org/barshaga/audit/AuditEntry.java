package org.barshaga.audit;

import java.time.Instant;

/** One line of the audit log, as shown on the page and in the API. */
public record AuditEntry(Long id, Instant occurredAt, String actor, AuditAction action, String recordType,
		String recordId, String recordPath, String fields, String remoteAddress, String detail) {
}
