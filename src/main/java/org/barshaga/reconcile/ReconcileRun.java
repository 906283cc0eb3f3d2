package org.barshaga.reconcile;

import java.time.Instant;

/** A linkage run as kept: its parameters, progress and fitted model. */
record ReconcileRun(long id, int schoolYear, String scopePath, String actor, Status status, Instant startedAt,
		Instant finishedAt, double matchAbove, double reviewAbove, long seed, int healthRecords, long pupilsTotal,
		long pupilsRead, int decisionsApplied, long candidatePairs, long randomPairs, Double matchShare, String model,
		String problem, int benefitRecords, int duplicatePairs) {

	enum Status {

		RUNNING, FINISHED, FAILED, INTERRUPTED;

		String messageKey() {
			return "reconcile.status." + name();
		}

	}

	boolean running() {
		return status == Status.RUNNING;
	}

	int percent() {
		return pupilsTotal <= 0 ? 0 : (int) Math.min(100, pupilsRead * 100 / pupilsTotal);
	}

	Long seconds() {
		return finishedAt == null ? null : java.time.Duration.between(startedAt, finishedAt).toSeconds();
	}

}
