package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.SpecialistType;

/** A PMPC conclusion as submitted; the PMPC is named by its organisation code. */
public record ConclusionDraft(LocalDate concludedOn, String pmpcCode, String number, Set<SenCategory> senCategories,
		Programme programme, EducationForm form, Map<SpecialistType, BigDecimal> weeklyHours,
		Set<RecommendedCondition> conditions, LocalDate nextReviewOn) {
}
