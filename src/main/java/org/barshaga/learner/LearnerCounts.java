package org.barshaga.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.barshaga.audit.AuditedChange;
import org.barshaga.kernel.DataScope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The numbers of learners that lists and worklists show, kept in memory until the data
 * change, so that a crowd opening the home page and the lists does not hold a connection
 * per count (docs/learner-register.md, "Counts under a crowd"). A count is taken again
 * after a change once it is older than the staleness allowed, and after its maximum age
 * for the changes committed through other servers; the same two settings as the
 * indicators' facts.
 */
@Component
class LearnerCounts {

	private static final int MAX_KEPT = 10_000;

	private static final LearnerSearch EVERYONE = new LearnerSearch(null, null, null, 0, 0);

	private record Key(DataScope scope, String text, String placeCode, Worklist worklist, LocalDate today) {
	}

	private record Counted(long count, long version, Instant at) {
	}

	private final AtomicLong version = new AtomicLong();

	private final Map<Key, Counted> counts = new ConcurrentHashMap<>();

	private final LearnerRepository learnerRows;

	private final Clock clock;

	private final Duration staleness;

	private final Duration maxAge;

	LearnerCounts(LearnerRepository learnerRows, Clock clock,
			@Value("${barshaga.indicators.staleness:PT15S}") Duration staleness,
			@Value("${barshaga.indicators.max-age:PT2M}") Duration maxAge) {
		this.learnerRows = learnerRows;
		this.clock = clock;
		this.staleness = staleness;
		this.maxAge = maxAge;
	}

	long count(DataScope scope, LearnerSearch search, Worklist worklist, LocalDate today) {
		Key key = new Key(scope, search.text(), search.placeCode(), worklist, today);
		Instant now = clock.instant();
		long current = version.get();
		Counted known = counts.get(key);
		if (known != null && fresh(known, current, now)) {
			return known.count();
		}
		long count = learnerRows.count(scope, search, worklist, today);
		if (counts.size() >= MAX_KEPT) {
			counts.clear();
		}
		counts.put(key, new Counted(count, current, now));
		return count;
	}

	/** How many learners in the scope are on each worklist. */
	Map<Worklist, Long> worklistCounts(DataScope scope, LocalDate today) {
		Map<Worklist, Long> byWorklist = new EnumMap<>(Worklist.class);
		for (Worklist worklist : Worklist.values()) {
			byWorklist.put(worklist, count(scope, EVERYONE, worklist, today));
		}
		return byWorklist;
	}

	private boolean fresh(Counted known, long current, Instant now) {
		boolean young = known.at().plus(staleness).isAfter(now);
		boolean unchanged = known.version() == current && known.at().plus(maxAge).isAfter(now);
		return young || unchanged;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(AuditedChange change) {
		version.incrementAndGet();
	}

}
