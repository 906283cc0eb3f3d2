package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;

/** A support level set by the school support service; the latest is the current one. */
public record SupportLevelEntry(long id, SupportLevel level, LocalDate setOn, String rationale, Instant recordedAt,
		String recordedBy) {
}
