package org.barshaga.network;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory index of published practices up to date with the database: before
 * each search it reads the practices published since the last one it saw, so a practice
 * published through another server of the same database is found too. Published practices
 * are never edited nor withdrawn, so adding is all the index needs.
 */
@Component
class PracticeSearch {

	private final PracticeRepository rows;

	private final PracticeIndex index = new PracticeIndex();

	private final Set<Long> indexed = new HashSet<>();

	private Instant seen = Instant.EPOCH;

	PracticeSearch(PracticeRepository rows) {
		this.rows = rows;
	}

	PracticeIndex.Hits search(String text, int limit) {
		catchUp();
		return index.search(text, limit);
	}

	synchronized void catchUp() {
		boolean added = false;
		for (Map.Entry<Long, String> practice : rows.publishedSince(seen)) {
			if (indexed.add(practice.getKey())) {
				index.put(practice.getKey(), practice.getValue());
				added = true;
			}
		}
		rows.lastPublished().ifPresent(last -> seen = last);
		if (added) {
			index.refresh();
		}
	}

	@PreDestroy
	void close() {
		index.close();
	}

}
