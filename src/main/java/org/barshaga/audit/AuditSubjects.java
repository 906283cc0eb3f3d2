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

	/**
	 * The width numeric ids are written in, zero-padded (12 for IINs); 0 for plain
	 * numbers.
	 */
	private final int digits;

	private long[] numbers = new long[1024];

	private int numberCount;

	private final List<String> texts = new ArrayList<>();

	public AuditSubjects(String recordType) {
		this(recordType, 0);
	}

	/**
	 * Subjects whose ids are fixed-width digit strings (IINs), kept as numbers so that a
	 * national enrolment extract of millions of pupils costs 8 bytes a pupil, not a
	 * string.
	 */
	public AuditSubjects(String recordType, int digits) {
		this.recordType = recordType;
		this.digits = digits;
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

	/**
	 * Adds a record by its id; a number, or digits of the fixed width, is kept as a
	 * number.
	 */
	public void add(Object id) {
		if (id instanceof Number number) {
			add(number.longValue());
		}
		else if (id != null) {
			String text = id.toString();
			if (digits > 0 && text.length() == digits && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
				add(Long.parseLong(text));
			}
			else {
				texts.add(text);
			}
		}
	}

	/** How many were added, repeats included. */
	public int size() {
		return numberCount + texts.size();
	}

	public boolean isEmpty() {
		return numberCount == 0 && texts.isEmpty();
	}

	private String text(long id) {
		String plain = Long.toString(id);
		return plain.length() >= digits ? plain : "0".repeat(digits - plain.length()) + plain;
	}

	/** Every distinct id, as the text the audit log stores. */
	void forEachDistinct(Consumer<String> ids) {
		// sorted in place: a copy would double the memory of a national export
		Arrays.sort(numbers, 0, numberCount);
		for (int i = 0; i < numberCount; i++) {
			if (i == 0 || numbers[i] != numbers[i - 1]) {
				ids.accept(text(numbers[i]));
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
