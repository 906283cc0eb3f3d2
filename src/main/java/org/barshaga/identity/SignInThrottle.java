package org.barshaga.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Two brakes on password guessing: an account is locked for {@link #LOCK_DURATION} after
 * {@link #ACCOUNT_LIMIT} failures in a row (kept in the database, so it holds across
 * servers), and an address that fails {@link #ADDRESS_LIMIT} times within
 * {@link #ADDRESS_WINDOW} is refused until the window passes (kept in memory: it only
 * slows one address down).
 */
@Component
class SignInThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	static final int ADDRESS_LIMIT = 30;

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean isBlocked(String address) {
		Deque<Instant> failures = failuresByAddress.get(address);
		if (failures == null) {
			return false;
		}
		synchronized (failures) {
			prune(failures);
			return failures.size() >= ADDRESS_LIMIT;
		}
	}

	void failed(String address) {
		if (address == null) {
			return;
		}
		Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (failures) {
			prune(failures);
			failures.addLast(Instant.now(clock));
		}
		if (failuresByAddress.size() > 10_000) {
			failuresByAddress.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					prune(e.getValue());
					return e.getValue().isEmpty();
				}
			});
		}
	}

	Instant lockUntil() {
		return Instant.now(clock).plus(LOCK_DURATION);
	}

	private void prune(Deque<Instant> failures) {
		Instant horizon = Instant.now(clock).minus(ADDRESS_WINDOW);
		while (!failures.isEmpty() && failures.peekFirst().isBefore(horizon)) {
			failures.removeFirst();
		}
	}

}
