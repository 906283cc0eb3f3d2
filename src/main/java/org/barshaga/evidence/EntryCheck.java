package org.barshaga.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an entry needs to be imported: a title, a year of publication, a DOI that is a DOI
 * when there is one, and every field within the length the bank keeps. Each rule broken
 * is reported against the entry, so that one report names every mistake.
 */
final class EntryCheck {

	static final int EARLIEST_YEAR = 1900;

	static final int LATEST_YEAR = 2100;

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

	private EntryCheck() {
	}

	/** The checked publication, or null with the entry's problems recorded. */
	static Publication check(Entry entry) {
		if (!entry.problems.isEmpty()) {
			return null;
		}
		if (entry.title == null || entry.title.isBlank()) {
			entry.problem("validation.evidence.entry.title", entry.line);
		}
		else if (entry.title.length() > 1000 || Keys.title(entry.title).isEmpty()) {
			entry.problem("validation.evidence.entry.titleInvalid", entry.line);
		}
		Integer year = null;
		if (entry.year == null || entry.year.isBlank()) {
			entry.problem("validation.evidence.entry.year", entry.line);
		}
		else {
			Matcher digits = YEAR.matcher(entry.year);
			if (digits.find()) {
				year = Integer.parseInt(digits.group(1));
			}
			if (year == null || year < EARLIEST_YEAR || year > LATEST_YEAR) {
				entry.problem("validation.evidence.entry.yearInvalid", entry.line, entry.year, EARLIEST_YEAR,
						LATEST_YEAR);
			}
		}
		String doiKey = Keys.doi(entry.doi);
		if (entry.doi != null && !entry.doi.isBlank() && doiKey == null) {
			entry.problem("validation.evidence.entry.doi", entry.line, entry.doi);
		}
		String authors = String.join("; ", entry.authors);
		tooLong(entry, "authors", authors, 2000);
		tooLong(entry, "journal", entry.journal, 500);
		tooLong(entry, "language", entry.language, 40);
		tooLong(entry, "abstract", entry.abstractText, 10000);
		if (!entry.problems.isEmpty()) {
			return null;
		}
		return new Publication(0, entry.doi == null ? null : entry.doi.strip(), doiKey, entry.title.strip(),
				Keys.title(entry.title), year, authors.isEmpty() ? null : authors, entry.journal, entry.language,
				entry.abstractText);
	}

	private static void tooLong(Entry entry, String field, String value, int limit) {
		if (value != null && value.length() > limit) {
			entry.problem("validation.evidence.entry.tooLong", entry.line, field, limit);
		}
	}

}
