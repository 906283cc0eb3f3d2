package org.barshaga.reporting;

import java.time.Instant;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * What waits on a user in a period, inside their scope: schools that have not submitted,
 * submissions returned or reopened for correction, submissions and unlock requests
 * waiting for their decision, and the units below them ready for approval. Each list
 * holds at most {@link Worklists#SHOWN} rows; the counts are of all.
 */
public record Worklist(int year, long notSubmitted, List<Row> notSubmittedRows, long returned, List<Row> returnedRows,
		long waiting, List<Row> waitingRows, List<Row> unitsReady) {

	/** A school (with its submission, if any) or a unit. */
	public record Row(String code, LocalizedName name, SubmissionStatus status, Instant at, boolean unlockRequested) {
	}

}
