package org.barshaga.conditions;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How many weekly hours of support one full-time position gives, and what it costs a
 * year; {@code productDefault} until an administrator sets the figure.
 */
public record StaffingNorm(PositionType position, BigDecimal weeklyHoursPerFte, BigDecimal yearlyCostPerFte,
		boolean productDefault, Instant updatedAt, String updatedBy) {
}
