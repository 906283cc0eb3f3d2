package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SpecialistType;

/**
 * A PMPC conclusion. Conclusions form a history: a new one never replaces an earlier one.
 * {@code senCategories} is null when the reader may not see health-related fields.
 */
public record Conclusion(long id, LocalDate concludedOn, long pmpcId, String pmpcCode, LocalizedName pmpcName,
		String number, Set<SenCategory> senCategories, Programme programme, EducationForm form,
		Map<SpecialistType, BigDecimal> weeklyHours, Set<RecommendedCondition> conditions, LocalDate nextReviewOn,
		Instant recordedAt, String recordedBy) {

	Conclusion withoutHealthFields() {
		return new Conclusion(id, concludedOn, pmpcId, pmpcCode, pmpcName, number, null, programme, form, weeklyHours,
				conditions, nextReviewOn, recordedAt, recordedBy);
	}

}
