package org.barshaga.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RIS: each entry opens with {@code TY  - } and closes with {@code ER  - }; every
 * other line is a two-character tag, two spaces, a hyphen and its value. A line that is
 * not a tag continues the previous field (exporters wrap long abstracts). An entry left
 * open is broken; so is a tag outside any entry.
 */
final class RisReader {

	private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])\\s{1,2}-(?:\\s(.*))?$");

	private RisReader() {
	}

	static List<Entry> read(String text) {
		List<Entry> entries = new ArrayList<>();
		String[] lines = text.split("\r\n|\r|\n", -1);
		Entry current = null;
		String lastTag = null;
		for (int i = 0; i < lines.length; i++) {
			int lineNumber = i + 1;
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			Matcher tag = TAG.matcher(line.stripTrailing());
			if (!tag.matches()) {
				if (current != null && lastTag != null) {
					set(current, lastTag, line.strip(), true);
				}
				else {
					Entry broken = new Entry(entries.size() + 1, lineNumber);
					broken.problem("validation.evidence.ris.notATag", lineNumber);
					entries.add(broken);
				}
				continue;
			}
			String name = tag.group(1);
			String value = tag.group(2) == null ? "" : tag.group(2).strip();
			if (name.equals("TY")) {
				if (current != null) {
					current.problem("validation.evidence.ris.notClosed", lineNumber);
				}
				current = new Entry(entries.size() + 1, lineNumber);
				entries.add(current);
				lastTag = null;
			}
			else if (name.equals("ER")) {
				if (current == null) {
					Entry broken = new Entry(entries.size() + 1, lineNumber);
					broken.problem("validation.evidence.ris.outside", lineNumber, name);
					entries.add(broken);
				}
				current = null;
				lastTag = null;
			}
			else if (current == null) {
				Entry broken = new Entry(entries.size() + 1, lineNumber);
				broken.problem("validation.evidence.ris.outside", lineNumber, name);
				entries.add(broken);
			}
			else {
				set(current, name, value, false);
				lastTag = name;
			}
		}
		if (current != null) {
			current.problem("validation.evidence.ris.notClosed", lines.length);
		}
		return entries;
	}

	private static void set(Entry entry, String tag, String value, boolean continuation) {
		switch (tag) {
			case "TI", "T1" -> entry.title = continuation ? join(entry.title, value) : Entry.first(entry.title, value);
			case "AU", "A1" -> {
				if (continuation && !entry.authors.isEmpty()) {
					int last = entry.authors.size() - 1;
					entry.authors.set(last, join(entry.authors.get(last), value));
				}
				else if (!value.isBlank()) {
					entry.authors.add(value);
				}
			}
			case "PY", "Y1" -> entry.year = Entry.first(entry.year, value);
			case "JF", "JO", "T2", "JA", "J2" -> entry.journal = Entry.first(entry.journal, value);
			case "LA" -> entry.language = Entry.first(entry.language, value);
			case "AB", "N2" -> entry.abstractText = continuation ? join(entry.abstractText, value)
					: Entry.first(entry.abstractText, value);
			case "DO" -> entry.doi = Entry.first(entry.doi, value);
			default -> {
				// other tags (pages, volume, keywords...) are not kept
			}
		}
	}

	private static String join(String head, String tail) {
		return head == null || head.isBlank() ? tail : head + " " + tail;
	}

}
