package org.barshaga.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.barshaga.kernel.Actor;

/**
 * Who imports, when, and into which database, for the writers of one import; whose health
 * fields the importer may write.
 */
record ImportContext(Actor actor, Instant now, boolean postgres, References references, HealthSight health) {

	OffsetDateTime stamp() {
		return now.atOffset(ZoneOffset.UTC);
	}

	String by() {
		return actor.username();
	}

}
