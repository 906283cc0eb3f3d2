package org.barshaga.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.barshaga.audit.AuditedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each school year's facts in memory until the data change, and reads them again
 * once per change, however many requests ask meanwhile (docs/indicators.md, "Facts under
 * a crowd").
 * <p>
 * Every audited change moves the version on once it is committed. Facts are read under
 * the version current when the reading starts, so facts being read while a change commits
 * keep the older version and are never mistaken for current. A request waits for facts at
 * least as new as the version it began with; requests that arrive while facts are being
 * read wait for that one reading, and the next change starts one more, never one per
 * request.
 * <p>
 * Under a crowd that writes all day, waiting for every change would make every dashboard
 * wait for a whole reading. So facts that went stale less than {@code staleness} ago are
 * served as they are, while one reading in the background brings them up to date; facts
 * stale for longer are served too while that reading is under way, and waited for only
 * when none is (the reading in the background failed, or is late). Facts are also read
 * again once they are older than {@code maxAge}, for the changes committed through other
 * servers, which this server's version does not see.
 */
@Component
class FactCache {

	private static final Logger log = LoggerFactory.getLogger(FactCache.class);

	/** Facts with the time they were read. */
	private record Cached(YearFacts facts, Instant readAt) {
	}

	private record Reading(long version, CompletableFuture<YearFacts> facts) {
	}

	private final AtomicLong version = new AtomicLong();

	private final Map<Integer, Cached> years = new ConcurrentHashMap<>();

	private final Map<Integer, Reading> readings = new ConcurrentHashMap<>();

	/** When each recent version began, so that staleness counts from the change. */
	private final ConcurrentSkipListMap<Long, Instant> changes = new ConcurrentSkipListMap<>();

	private final FactLoader loader;

	private final Clock clock;

	private final Duration staleness;

	private final Duration maxAge;

	/** The years whose reading in the background is due, and when each last began. */
	private final Set<Integer> due = ConcurrentHashMap.newKeySet();

	private final Map<Integer, Instant> begun = new ConcurrentHashMap<>();

	/**
	 * One thread for each of the years the dashboards show: with one thread for all, the
	 * reading of one year queued behind another's long enough for the facts to outlive
	 * the staleness, and the requests then read them themselves.
	 */
	private final ScheduledExecutorService background = Executors.newScheduledThreadPool(3, task -> {
		Thread thread = new Thread(task, "facts-refresh");
		thread.setDaemon(true);
		return thread;
	});

	FactCache(FactLoader loader, Clock clock, @Value("${barshaga.indicators.staleness:PT15S}") Duration staleness,
			@Value("${barshaga.indicators.max-age:PT2M}") Duration maxAge) {
		this.loader = loader;
		this.clock = clock;
		this.staleness = staleness;
		this.maxAge = maxAge;
	}

	YearFacts facts(int year) {
		long wanted = version.get();
		Cached cached = years.get(year);
		if (cached == null) {
			return read(year, wanted);
		}
		Instant now = clock.instant();
		if (cached.facts().version >= wanted) {
			if (!cached.readAt().plus(maxAge).isBefore(now)) {
				return cached.facts();
			}
			// Old enough that another server may have changed the data: as a change now.
			forget();
			wanted = version.get();
		}
		Instant staleSince = changes.get(cached.facts().version + 1);
		if (staleSince != null && !staleness.isZero()
				&& (staleSince.plus(staleness).isAfter(now) || readings.containsKey(year))) {
			// A reading under way brings the facts up to date: waiting for it would make
			// a
			// request as slow as a reading and fresher by only that reading's few
			// seconds.
			readSoon(year);
			return cached.facts();
		}
		return read(year, wanted);
	}

	/** Facts with every change committed before this call, however long that takes. */
	YearFacts current(int year) {
		return read(year, version.get());
	}

	/**
	 * Facts at least as new as {@code wanted}: from the reading under way if it is new
	 * enough, else from one this request starts, or joins, once the older one is done.
	 */
	private YearFacts read(int year, long wanted) {
		while (true) {
			Cached cached = years.get(year);
			if (cached != null && cached.facts().version >= wanted) {
				return cached.facts();
			}
			Reading reading;
			boolean mine = false;
			synchronized (this) {
				reading = readings.get(year);
				if (reading == null) {
					reading = new Reading(version.get(), new CompletableFuture<>());
					readings.put(year, reading);
					mine = true;
				}
			}
			if (mine) {
				return readNow(year, reading);
			}
			YearFacts facts = await(reading);
			if (reading.version() >= wanted && facts != null) {
				return facts;
			}
		}
	}

	private YearFacts readNow(int year, Reading reading) {
		begun.put(year, clock.instant());
		try {
			YearFacts facts = loader.load(year, reading.version());
			years.merge(year, new Cached(facts, clock.instant()),
					(was, now) -> was.facts().version > now.facts().version ? was : now);
			long oldest = years.values().stream().mapToLong(c -> c.facts().version).min().orElse(0);
			changes.headMap(oldest, true).clear();
			reading.facts().complete(facts);
			return facts;
		}
		catch (RuntimeException | Error failure) {
			reading.facts().completeExceptionally(failure);
			throw failure;
		}
		finally {
			synchronized (this) {
				readings.remove(year, reading);
			}
		}
	}

	/** The facts of a reading, or none when it failed (the caller reads again). */
	private static YearFacts await(Reading reading) {
		try {
			return reading.facts().join();
		}
		catch (CompletionException failed) {
			return null;
		}
	}

	/**
	 * Reads the year again in the background, as soon as its last reading began at least
	 * {@code staleness} ago, so that a crowd of changes costs one reading per period.
	 */
	private void readSoon(int year) {
		if (staleness.isZero() || !due.add(year)) {
			return;
		}
		Instant earliest = begun.getOrDefault(year, Instant.EPOCH).plus(staleness);
		long delay = Math.max(0, Duration.between(clock.instant(), earliest).toMillis());
		background.schedule(() -> {
			due.remove(year);
			try {
				read(year, version.get());
			}
			catch (RuntimeException failure) {
				log.warn("Facts of {} could not be read again; the next request tries again", year, failure);
			}
		}, delay, TimeUnit.MILLISECONDS);
	}

	/**
	 * Reads the years in the background, so that the first requests after a start find
	 * them in memory instead of each waiting for a first reading, which under a crowd
	 * takes as long as the crowd leaves it a core.
	 */
	void readAhead(List<Integer> yearsAhead) {
		for (int year : yearsAhead) {
			background.execute(() -> {
				try {
					read(year, version.get());
				}
				catch (RuntimeException failure) {
					log.warn("Facts of {} could not be read ahead; the first request reads them", year, failure);
				}
			});
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(AuditedChange change) {
		forget();
	}

	/** Makes every cached year stale, for changes made outside the audited services. */
	void forget() {
		Instant now = clock.instant();
		changes.put(version.incrementAndGet(), now);
		years.keySet().forEach(this::readSoon);
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

}
