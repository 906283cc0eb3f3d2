package org.barshaga.reporting;

/**
 * Published when the Ministry accepts a reporting period: from then on its figures are
 * the figures of record.
 */
public record PeriodAccepted(int schoolYear, String acceptedBy) {
}
