package org.barshaga.kernel;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One erasure of a child's record as the modules' {@link LearnerEraser}s see it: the
 * child, a random reference that names the erasure (and never the child) in the audit
 * log, the rows removed per table, and the records removed under other record types, so
 * that the audit log forgets them too.
 */
public final class Erasure {

	private final ChildReference child;

	private final String reference;

	private final Map<String, Integer> removed = new TreeMap<>();

	private final Set<Map.Entry<String, String>> records = new LinkedHashSet<>();

	private final Map<String, Object> notes = new HashMap<>();

	public Erasure(ChildReference child, String reference) {
		this.child = child;
		this.reference = reference;
	}

	public ChildReference child() {
		return child;
	}

	public String reference() {
		return reference;
	}

	public void removed(String table, int rows) {
		if (rows > 0) {
			removed.merge(table, rows, Integer::sum);
		}
	}

	/** Rows removed, by table. */
	public Map<String, Integer> removedRows() {
		return Collections.unmodifiableMap(removed);
	}

	public int removedTotal() {
		return removed.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * A record of the child under another audit record type (a health registry record).
	 */
	public void removedRecord(String recordType, String recordId) {
		records.add(Map.entry(recordType, recordId));
	}

	public Set<Map.Entry<String, String>> removedRecords() {
		return Collections.unmodifiableSet(records);
	}

	/** What an eraser keeps between its steps of this erasure. */
	public void note(String key, Object value) {
		notes.put(key, value);
	}

	@SuppressWarnings("unchecked")
	public <T> T noted(String key) {
		return (T) notes.get(key);
	}

}
