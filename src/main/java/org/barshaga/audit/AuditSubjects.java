package org.barshaga.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The records (children) that one audited event held, such as every learner in an export.
 * Each is recorded against the event, so that a child's read history finds the export.
 * Numeric ids are kept in a growing {@code long[]} (8 bytes a child: a national export of
 * a million learners holds 8 MB), text ids in a list; repeats are removed when they are
 * written, not while they are collected.
 */
public final class AuditSubjects {

	private final String recordType;

	private long[] numbers = new long[1024];

	private int numberCount;

	private final List<String> texts = new ArrayList<>();

	public AuditSubjects(String recordType) {
		this.recordType = recordType;
	}

	public String recordType() {
		return recordType;
	}

	public void add(long id) {
		if (numberCount == numbers.length) {
			numbers = Arrays.copyOf(numbers, numbers.length * 2);
		}
		numbers[numberCount++] = id;
	}

	/** Adds a record by its text id; a number is kept as a number. */
	public void add(Object id) {
		if (id instanceof Number number) {
			add(number.longValue());
		}
		else if (id != null) {
			texts.add(id.toString());
		}
	}

	/** How many were added, repeats included. */
	public int size() {
		return numberCount + texts.size();
	}

	public boolean isEmpty() {
		return numberCount == 0 && texts.isEmpty();
	}

	/** Every distinct id, as the text the audit log stores. */
	void forEachDistinct(Consumer<String> ids) {
		long[] sorted = Arrays.copyOf(numbers, numberCount);
		Arrays.sort(sorted);
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				ids.accept(Long.toString(sorted[i]));
			}
		}
		String[] words = texts.toArray(String[]::new);
		Arrays.sort(words);
		for (int i = 0; i < words.length; i++) {
			if (i == 0 || !words[i].equals(words[i - 1])) {
				ids.accept(words[i]);
			}
		}
	}

}
