package org.barshaga.conditions;

import java.time.LocalDate;

/**
 * A course a staff member completed; {@code inclusive} when it covers inclusive
 * education.
 */
public record Training(long id, String course, String provider, int hours, LocalDate completedOn, boolean inclusive) {
}
