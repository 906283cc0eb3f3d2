package org.barshaga.conditions;

import java.util.List;

/**
 * Whether a school meets a criteria set in a school year, the rules it fails with the
 * values that failed them, the version of the set used, and what the school reported.
 */
public record Evaluation(String school, int year, String criteriaSet, int criteriaVersion, Boolean reported,
		boolean measured, List<CriteriaRules.Failure> failedRules) {
}
