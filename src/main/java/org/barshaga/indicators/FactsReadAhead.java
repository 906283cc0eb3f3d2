package org.barshaga.indicators;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of the years the dashboards show as soon as the server is up
 * (docs/indicators.md, "Facts under a crowd").
 */
@Component
class FactsReadAhead {

	private final FactCache cache;

	private final Indicators indicators;

	private final boolean enabled;

	FactsReadAhead(FactCache cache, Indicators indicators,
			@Value("${barshaga.indicators.read-ahead:true}") boolean enabled) {
		this.cache = cache;
		this.indicators = indicators;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void readRecentYears() {
		if (enabled) {
			cache.readAhead(indicators.recentYears());
		}
	}

}
