package org.barshaga.learner;

/**
 * One term of a learner's results and attendance beside the support delivered in it: the
 * mean term percentage over the subjects with results, the days absent of the school
 * days, and the hours delivered against those the conclusion in force at the term's end
 * recommends for the term's weekdays (docs/learner-register.md, "Results and attendance
 * in the record"). Parts with no data are null.
 */
public record TermOutcome(int schoolYear, int term, Double meanPercentage, int subjects, Integer schoolDays,
		Integer absentExcused, Integer absentUnexcused, Double recommendedHours, Double deliveredHours) {

	/**
	 * Delivered as a share of recommended, in whole percent; null when none recommended.
	 */
	public Integer deliveredPercent() {
		return recommendedHours == null || recommendedHours <= 0 ? null
				: (int) Math.round(100 * deliveredHours / recommendedHours);
	}

	/**
	 * Days absent without a valid reason as a share of the school days, in whole percent.
	 */
	public Integer unexcusedPercent() {
		return schoolDays == null || schoolDays == 0 ? null : (int) Math.round(100.0 * absentUnexcused / schoolDays);
	}

	/** Days absent for any reason as a share of the school days, in whole percent. */
	public Integer absentPercent() {
		return schoolDays == null || schoolDays == 0 ? null
				: (int) Math.round(100.0 * (absentExcused + absentUnexcused) / schoolDays);
	}

	/** The mean percentage rounded to a whole number, for the chart. */
	public Integer roundedPercentage() {
		return meanPercentage == null ? null : (int) Math.round(meanPercentage);
	}

	/** The delivered share for the chart, drawn no higher than 100. */
	public Integer drawnDelivered() {
		Integer percent = deliveredPercent();
		return percent == null ? null : Math.min(100, percent);
	}

	public String label() {
		return schoolYear + "-" + (schoolYear + 1 - 2000) + " · " + term;
	}

}
