package org.barshaga.learner;

import java.time.LocalDate;
import java.util.Map;

/** A term review as submitted: for each goal id, its score and remark. */
public record ReviewDraft(Integer term, LocalDate reviewedOn, Map<Long, Plan.Rating> ratings) {
}
