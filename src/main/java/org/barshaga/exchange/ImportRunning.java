package org.barshaga.exchange;

/**
 * An import refused because another import of the same register runs in an overlapping
 * scope; nothing of it was recorded or written.
 */
class ImportRunning extends RuntimeException {

	private final long runningId;

	private final Register register;

	ImportRunning(long runningId, Register register) {
		super("Import run " + runningId + " of " + register.fileName() + " is running");
		this.runningId = runningId;
		this.register = register;
	}

	long runningId() {
		return runningId;
	}

	Register register() {
		return register;
	}

}
