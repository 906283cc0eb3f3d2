package org.barshaga.indicators;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.barshaga.audit.AuditedChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each school year's facts in memory until the data change. Every audited change
 * moves the version on once it is committed, and facts read under an older version are
 * read again; facts being read while a change commits keep the older version, so they are
 * never mistaken for current.
 */
@Component
class FactCache {

	private final AtomicLong version = new AtomicLong();

	private final Map<Integer, YearFacts> years = new ConcurrentHashMap<>();

	private final FactLoader loader;

	FactCache(FactLoader loader) {
		this.loader = loader;
	}

	YearFacts facts(int year) {
		YearFacts cached = years.get(year);
		if (cached != null && cached.version == version.get()) {
			return cached;
		}
		synchronized (this) {
			long current = version.get();
			cached = years.get(year);
			if (cached != null && cached.version == current) {
				return cached;
			}
			YearFacts loaded = loader.load(year, current);
			years.put(year, loaded);
			return loaded;
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(AuditedChange change) {
		forget();
	}

	/** Makes every cached year stale, for changes made outside the audited services. */
	void forget() {
		version.incrementAndGet();
	}

}
