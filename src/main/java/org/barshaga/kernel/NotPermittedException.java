package org.barshaga.kernel;

/**
 * The caller's role does not allow this kind of action at all (not a question of scope).
 */
public class NotPermittedException extends RuntimeException {

	public NotPermittedException(String action) {
		super("Not permitted: " + action);
	}

}
