package org.barshaga.audit;

/**
 * Published for every audited change (not for reads, sign-ins or exports), so that what
 * is derived from the data, such as indicator values, can be recomputed once it is
 * committed.
 */
public record AuditedChange(AuditAction action, String recordType) {
}
