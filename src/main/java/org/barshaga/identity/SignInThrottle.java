package org.barshaga.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Brakes on password guessing that never lock anyone out of their own account. Failures
 * are counted by name, whether or not an account has it, so that the answers do not tell
 * which names exist:
 * <ul>
 * <li>a name and address pair that failed {@link #PAIR_LIMIT} times within
 * {@link #WINDOW} gets no more tries from that address for the rest of the window;</li>
 * <li>an address that failed {@link #ADDRESS_LIMIT} times, and a name that failed
 * {@link #NAME_LIMIT} times from anywhere, get no more tries either, except from an
 * address where that name signed in successfully within {@link #KNOWN_FOR}: so nobody
 * elsewhere can lock the administrator out, and a school behind one shared address keeps
 * signing in while a guesser there is held back.</li>
 * </ul>
 * Tokens and open sessions are never braked: they prove no password. The counts are in
 * memory, per server: they slow a guesser down, they are no record.
 */
@Component
class SignInThrottle {

	static final int PAIR_LIMIT = 5;

	static final int ADDRESS_LIMIT = 30;

	static final int NAME_LIMIT = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration KNOWN_FOR = Duration.ofDays(30);

	/** How many entries a map keeps before it forgets the stalest ones. */
	static final int CAPACITY = 50_000;

	private final Map<String, Deque<Instant>> byPair = new ConcurrentHashMap<>();

	private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

	private final Map<String, Deque<Instant>> byName = new ConcurrentHashMap<>();

	private final Map<String, Instant> knownPairs = new LinkedHashMap<>(1024, 0.75f, true);

	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Whether a password for this name, from this address, may be checked now. */
	boolean allows(String name, String address) {
		String who = normalise(name);
		String where = address == null ? "" : address;
		if (count(byPair, pair(who, where)) >= PAIR_LIMIT) {
			return false;
		}
		if (known(who, where)) {
			return true;
		}
		return count(byAddress, where) < ADDRESS_LIMIT && count(byName, who) < NAME_LIMIT;
	}

	void failed(String name, String address) {
		String who = normalise(name);
		String where = address == null ? "" : address;
		add(byPair, pair(who, where));
		add(byAddress, where);
		add(byName, who);
	}

	void succeeded(String name, String address) {
		String who = normalise(name);
		String where = address == null ? "" : address;
		byPair.remove(pair(who, where));
		synchronized (knownPairs) {
			knownPairs.put(pair(who, where), Instant.now(clock));
			if (knownPairs.size() > CAPACITY) {
				knownPairs.remove(knownPairs.keySet().iterator().next());
			}
		}
	}

	static String normalise(String name) {
		String stripped = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		// cut, then stripped again: a name cut at a space would otherwise lose it on the
		// next reading
		return stripped.length() <= 100 ? stripped : stripped.substring(0, 100).strip();
	}

	private boolean known(String who, String where) {
		synchronized (knownPairs) {
			Instant since = knownPairs.get(pair(who, where));
			return since != null && since.plus(KNOWN_FOR).isAfter(Instant.now(clock));
		}
	}

	private static String pair(String who, String where) {
		return who + "\n" + where;
	}

	private int count(Map<String, Deque<Instant>> failures, String key) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times);
			return times.size();
		}
	}

	private void add(Map<String, Deque<Instant>> failures, String key) {
		Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			times.addLast(Instant.now(clock));
			if (times.size() > ADDRESS_LIMIT * 2) {
				times.removeFirst();
			}
		}
		if (failures.size() > CAPACITY) {
			failures.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					prune(e.getValue());
					return e.getValue().isEmpty();
				}
			});
		}
	}

	private void prune(Deque<Instant> times) {
		Instant horizon = Instant.now(clock).minus(WINDOW);
		while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
			times.removeFirst();
		}
	}

}
