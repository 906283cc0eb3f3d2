package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;

/**
 * An individual development plan for one school year, with its goals, hours and reviews.
 */
public record Plan(long id, int schoolYear, LocalDate startedOn, String adaptations, List<Goal> goals,
		List<PlannedService> services, List<Review> reviews, Instant updatedAt, String updatedBy, int version) {

	public String schoolYearLabel() {
		return new SchoolYear(schoolYear).label();
	}

	public record Goal(long id, GoalDomain domain, String description, String baseline, String target, String measure) {
	}

	public record PlannedService(SpecialistType specialist, BigDecimal weeklyHours, Long assignedUserId,
			String assignedName) {
	}

	/** A term review: each goal rated on goal attainment scaling, -2 to +2. */
	public record Review(long id, int term, LocalDate reviewedOn, Map<Long, Rating> ratings, Instant recordedAt,
			String recordedBy) {
	}

	public record Rating(int score, String remark) {
	}

}
