package org.barshaga.backup;

/**
 * A backup or restore that cannot be done, with the sentence the operator reads: what is
 * wrong and what to do.
 */
class BackupFailure extends RuntimeException {

	BackupFailure(String message) {
		super(message);
	}

	BackupFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
