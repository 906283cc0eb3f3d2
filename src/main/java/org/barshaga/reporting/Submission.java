package org.barshaga.reporting;

import java.time.Instant;
import java.util.Map;

/**
 * A school's figures of one reporting period as the school submitted them: where the
 * submission stands, who did what when, the explanation of each rule it violated (by rule
 * code), and a pending unlock request.
 */
public record Submission(long id, int year, long organisationId, String schoolCode, String path,
		SubmissionStatus status, Instant firstSubmittedAt, Instant submittedAt, String submittedBy, Instant decidedAt,
		String decidedBy, String comment, String unlockReason, String unlockRequestedBy, int version,
		Map<String, String> explanations) {

	public boolean unlockRequested() {
		return unlockReason != null;
	}

}
