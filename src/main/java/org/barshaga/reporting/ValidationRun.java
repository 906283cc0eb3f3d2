package org.barshaga.reporting;

import java.time.LocalDate;
import java.util.List;
import org.barshaga.kernel.LocalizedName;

/**
 * The active rules checked at every school of a place in the user's scope, for a school
 * year: the schools with violations, each with its violations, most important first.
 *
 * @param schools the schools checked
 * @param violations the violations of every school, by importance
 */
public record ValidationRun(String placeCode, LocalizedName placeName, int year, LocalDate census,
		List<RuleVersion> rules, int schools, List<SchoolResult> schoolsWithViolations, Counts violations,
		long milliseconds) {

	public record RuleVersion(String code, int version) {
	}

	public record SchoolResult(String code, LocalizedName name, List<Violation> violations) {
	}

	/**
	 * @param left the left side's value, none where it has no figure
	 * @param right the right side's value, none where it has no figure
	 */
	public record Violation(String rule, int version, Importance importance, LocalizedName message, String formula,
			Double left, Double right) {
	}

	public record Counts(int high, int medium, int low) {

		public int total() {
			return high + medium + low;
		}

	}

}
