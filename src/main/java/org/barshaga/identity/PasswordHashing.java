package org.barshaga.identity;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password checks of sign-in, bounded: at most {@link #PERMITS} bcrypt comparisons
 * run at once, and an attempt that waits longer than {@link #WAIT_MILLIS} for its turn is
 * refused as busy (503) instead of queueing. A flood of password attempts then costs at
 * most those few cores, and tokens, which are hashed with SHA-256, never wait behind it.
 */
final class PasswordHashing implements PasswordEncoder {

	static final int PERMITS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

	static final long WAIT_MILLIS = 2_000;

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	PasswordHashing(PasswordEncoder delegate, int permits) {
		this.delegate = delegate;
		this.permits = new Semaphore(permits);
	}

	/** Raised when every permit stayed taken for the whole wait. */
	static final class BusyException extends AuthenticationServiceException {

		BusyException() {
			super("Too many password checks at once");
		}

	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		boolean acquired;
		try {
			acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new BusyException();
		}
		if (!acquired) {
			throw new BusyException();
		}
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

}
