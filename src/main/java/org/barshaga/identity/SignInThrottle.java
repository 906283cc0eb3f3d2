package org.barshaga.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
 * the database ({@code sign_in_failure}, {@code sign_in_known}), so that every server of
 * an installation brakes the same guesser; they slow a guesser down, they are no record
 * (the audit log is). Each count is written in a transaction of its own: a failure counts
 * even when the request that saw it is rolled back.
 */
@Component
class SignInThrottle {

	static final int PAIR_LIMIT = 5;

	static final int ADDRESS_LIMIT = 30;

	static final int NAME_LIMIT = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration KNOWN_FOR = Duration.ofDays(30);

	/**
	 * How long a server trusts its own memory that a pair is known before writing the
	 * success again: API clients with HTTP Basic succeed on every call, and a write per
	 * call would be a write per read.
	 */
	static final Duration KNOWN_REFRESH = Duration.ofHours(1);

	/** How often one server deletes the failures and successes that no longer count. */
	static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

	/** How many recently written pairs a server remembers. */
	static final int CAPACITY = 50_000;

	/** The longest address kept: an IPv6 address with a zone fits. */
	static final int MAX_ADDRESS = 100;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final Map<String, Instant> recentlyKnown = new LinkedHashMap<>(1024, 0.75f, true);

	private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

	SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Whether a password for this name, from this address, may be checked now. */
	boolean allows(String name, String address) {
		String who = normalise(name);
		String where = where(address);
		Instant now = Instant.now(clock);
		record Counts(int pair, int address, int name, Timestamp known) {
		}
		Counts counts = jdbc.sql("""
				SELECT
				  (SELECT COUNT(*) FROM sign_in_failure
				   WHERE username = :who AND address = :where AND pair_counts AND failed_at > :horizon),
				  (SELECT COUNT(*) FROM sign_in_failure WHERE address = :where AND failed_at > :horizon),
				  (SELECT COUNT(*) FROM sign_in_failure WHERE username = :who AND failed_at > :horizon),
				  (SELECT MAX(signed_in_at) FROM sign_in_known WHERE username = :who AND address = :where)
				""")
			.param("who", who)
			.param("where", where)
			.param("horizon", Timestamp.from(now.minus(WINDOW)))
			.query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4)))
			.single();
		if (counts.pair() >= PAIR_LIMIT) {
			return false;
		}
		if (counts.known() != null && counts.known().toInstant().plus(KNOWN_FOR).isAfter(now)) {
			return true;
		}
		return counts.address() < ADDRESS_LIMIT && counts.name() < NAME_LIMIT;
	}

	void failed(String name, String address) {
		String who = normalise(name);
		String where = where(address);
		Instant now = Instant.now(clock);
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO sign_in_failure (username, address, failed_at, pair_counts)
					VALUES (:who, :where, :now, TRUE)
					""").param("who", who).param("where", where).param("now", Timestamp.from(now)).update();
			pruneNowAndThen(now);
		});
	}

	void succeeded(String name, String address) {
		String who = normalise(name);
		String where = where(address);
		Instant now = Instant.now(clock);
		String pair = who + "\n" + where;
		boolean fresh;
		synchronized (recentlyKnown) {
			Instant written = recentlyKnown.get(pair);
			fresh = written != null && written.plus(KNOWN_REFRESH).isAfter(now);
		}
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("""
					UPDATE sign_in_failure SET pair_counts = FALSE
					WHERE username = :who AND address = :where AND pair_counts
					""").param("who", who).param("where", where).update();
		});
		if (!fresh) {
			try {
				ownTransaction.executeWithoutResult(status -> remember(who, where, now));
			}
			catch (DuplicateKeyException writtenByAnotherServer) {
				// the row is there, written a moment ago, and says the same
			}
			synchronized (recentlyKnown) {
				recentlyKnown.put(pair, now);
				if (recentlyKnown.size() > CAPACITY) {
					recentlyKnown.remove(recentlyKnown.keySet().iterator().next());
				}
			}
		}
	}

	static String normalise(String name) {
		String stripped = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		// cut, then stripped again: a name cut at a space would otherwise lose it on the
		// next reading
		return stripped.length() <= 100 ? stripped : stripped.substring(0, 100).strip();
	}

	private static String where(String address) {
		String where = address == null ? "" : address;
		return where.length() <= MAX_ADDRESS ? where : where.substring(0, MAX_ADDRESS);
	}

	/**
	 * Writes the success; two servers may write the same pair at once, and then the
	 * second insert fails on the first one's row (the caller lets it).
	 */
	private void remember(String who, String where, Instant now) {
		int updated = jdbc
			.sql("UPDATE sign_in_known SET signed_in_at = :now WHERE username = :who AND address = :where")
			.param("now", Timestamp.from(now))
			.param("who", who)
			.param("where", where)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO sign_in_known (username, address, signed_in_at) VALUES (:who, :where, :now)")
				.param("who", who)
				.param("where", where)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	private void pruneNowAndThen(Instant now) {
		Instant last = lastPrune.get();
		if (last.plus(PRUNE_EVERY).isAfter(now) || !lastPrune.compareAndSet(last, now)) {
			return;
		}
		jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at <= :horizon")
			.param("horizon", Timestamp.from(now.minus(WINDOW)))
			.update();
		jdbc.sql("DELETE FROM sign_in_known WHERE signed_in_at <= :horizon")
			.param("horizon", Timestamp.from(now.minus(KNOWN_FOR)))
			.update();
	}

}
