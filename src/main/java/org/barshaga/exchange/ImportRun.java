package org.barshaga.exchange;

import java.time.Instant;

/** An import as it stands: its counts while it runs, its outcome when it is over. */
public record ImportRun(long id, Register register, String fileName, long fileBytes, ImportMode mode, boolean dryRun,
		Status status, String actor, String scopePath, Instant startedAt, Instant finishedAt, long bytesRead,
		long rowsRead, long rowsRejected, long rowsWritten, int batchesCommitted, String problemKey,
		String problemArguments) {

	public enum Status {

		RUNNING, COMPLETED, REJECTED, REFUSED, FAILED, INTERRUPTED;

		public String messageKey() {
			return "exchange.status." + name();
		}

	}

	public boolean running() {
		return status == Status.RUNNING;
	}

	/**
	 * Per cent of the file read: bytes, not rows, so it is right for any file size; -1
	 * when unknown (an XLSX workbook is not read front to back).
	 */
	public int percent() {
		if (!running()) {
			return 100;
		}
		if (bytesRead < 0) {
			return -1;
		}
		return fileBytes <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileBytes);
	}

	Object[] problemArgumentList() {
		return problemArguments == null || problemArguments.isEmpty() ? new Object[0]
				: problemArguments.split("\u001f", -1);
	}

}
