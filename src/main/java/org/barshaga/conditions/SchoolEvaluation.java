package org.barshaga.conditions;

import org.barshaga.registry.Organisation;

/** A line of a unit's list: a school and its evaluation. */
public record SchoolEvaluation(Organisation school, Evaluation evaluation) {

	/**
	 * Reported and measured disagree: the school says yes and the data say no, or the
	 * reverse.
	 */
	public boolean disagrees() {
		return evaluation.reported() != null && evaluation.reported() != evaluation.measured();
	}

}
