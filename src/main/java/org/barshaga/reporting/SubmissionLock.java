package org.barshaga.reporting;

import org.barshaga.kernel.ApprovedFigures;

import org.springframework.stereotype.Component;

/** The registers' question answered: a school's figures are locked while approved. */
@Component
class SubmissionLock implements ApprovedFigures {

	private final SubmissionRepository submissions;

	SubmissionLock(SubmissionRepository submissions) {
		this.submissions = submissions;
	}

	@Override
	public boolean locked(long organisationId, int schoolYear) {
		return submissions.locked(organisationId, schoolYear);
	}

}
