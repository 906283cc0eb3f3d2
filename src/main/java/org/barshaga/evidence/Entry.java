package org.barshaga.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * One reference as a reader found it in a file: its place (the entry's number and the
 * line it starts on), the fields read, and what is wrong with it. The readers only read;
 * which fields are required and how long they may be is {@link EntryCheck}'s.
 */
final class Entry {

	final int number;

	final int line;

	String title;

	String doi;

	String year;

	final List<String> authors = new ArrayList<>();

	String journal;

	String language;

	String abstractText;

	final List<ImportReport.Problem> problems = new ArrayList<>();

	Entry(int number, int line) {
		this.number = number;
		this.line = line;
	}

	void problem(String messageKey, Object... arguments) {
		problems.add(new ImportReport.Problem(number, line, messageKey, List.of(arguments)));
	}

	/**
	 * Keeps the first value a field is given: RIS and BibTeX files may repeat a field.
	 */
	static String first(String current, String value) {
		if (current != null && !current.isBlank()) {
			return current;
		}
		return value == null || value.isBlank() ? current : value.strip();
	}

}
