package org.barshaga.learner;

import java.math.BigDecimal;

import org.barshaga.kernel.SpecialistType;

/**
 * Planned weekly hours of one specialist type, and the specialist assigned by user name.
 */
public record PlannedServiceDraft(SpecialistType specialist, BigDecimal weeklyHours, String assignedUsername) {
}
