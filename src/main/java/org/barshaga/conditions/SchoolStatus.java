package org.barshaga.conditions;

import java.util.List;

import org.barshaga.registry.Organisation;

/**
 * A school's facts for a school year and its evaluation under each criteria set, in the
 * order of {@code sets}.
 */
public record SchoolStatus(Organisation school, SchoolFacts facts, List<CriteriaSet> sets,
		List<Evaluation> evaluations) {
}
