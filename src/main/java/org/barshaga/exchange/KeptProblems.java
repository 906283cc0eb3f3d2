package org.barshaga.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The problems of one import as its report keeps them: every one is counted, the first
 * {@link UploadLimits#KEPT_PROBLEMS} are stored, and a last line says how many more there
 * were. A file of millions of bad rows once grew the database by gigabytes. Problems come
 * from the parsing thread and the writer thread alike.
 */
final class KeptProblems {

	private final ImportRuns runs;

	private final long runId;

	private final List<Rejection> pending = new ArrayList<>();

	private long kept;

	private long unlisted;

	private long firstUnlisted;

	KeptProblems(ImportRuns runs, long runId) {
		this.runs = runs;
		this.runId = runId;
	}

	synchronized void add(Collection<Rejection> problems) {
		pending.addAll(problems);
	}

	synchronized int pending() {
		return pending.size();
	}

	/** Stores the problems found since the last call, while there is room. */
	synchronized void save() {
		if (pending.isEmpty()) {
			return;
		}
		int room = (int) Math.max(0, UploadLimits.KEPT_PROBLEMS - kept);
		if (room > 0) {
			List<Rejection> keep = new ArrayList<>(pending.subList(0, Math.min(room, pending.size())));
			runs.reject(runId, keep);
			kept += keep.size();
		}
		if (pending.size() > room) {
			if (unlisted == 0) {
				firstUnlisted = pending.get(room).line();
			}
			unlisted += pending.size() - room;
		}
		pending.clear();
	}

	/** The last problems, and a last line saying how many more there were. */
	synchronized void close() {
		save();
		if (unlisted > 0) {
			runs.reject(runId, List.of(new Rejection(firstUnlisted, null, null, "exchange.reason.notListed", unlisted,
					UploadLimits.KEPT_PROBLEMS)));
			unlisted = 0;
		}
	}

}
