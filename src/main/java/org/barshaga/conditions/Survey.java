package org.barshaga.conditions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The conditions survey of one school for one school year: each item's status and note,
 * and what the school reports for the national indicator. {@code id} is 0 for a year not
 * surveyed yet.
 */
public record Survey(long id, long organisationId, int schoolYear, Map<ConditionItem, Entry> items,
		Boolean reportedCreated, LocalDate reportedOn, Instant updatedAt, String updatedBy, int version) {

	public record Entry(ItemStatus status, String note) {
	}

	public ItemStatus status(ConditionItem item) {
		Entry entry = items.get(item);
		return entry == null ? null : entry.status();
	}

	public boolean exists() {
		return id != 0;
	}

}
