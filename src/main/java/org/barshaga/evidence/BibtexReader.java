package org.barshaga.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads BibTeX: {@code @type{key, field = {value}, field = "value", field = 2020}}, with
 * braces nested in values. {@code @comment}, {@code @preamble} and {@code @string} are
 * skipped (string macros are not expanded: a bare word keeps its name). An entry that
 * does not close, or whose field cannot be read, is broken, and reading resumes at the
 * next {@code @} that starts a line.
 */
final class BibtexReader {

	private final String text;

	private int at;

	private int line = 1;

	private BibtexReader(String text) {
		this.text = text;
	}

	static List<Entry> read(String text) {
		return new BibtexReader(text).entries();
	}

	private List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		while (skipTo('@')) {
			int startLine = line;
			advance();
			String type = word().toLowerCase(Locale.ROOT);
			skipSpace();
			if (at >= text.length() || (peek() != '{' && peek() != '(')) {
				Entry broken = new Entry(entries.size() + 1, startLine);
				broken.problem("validation.evidence.bibtex.noBrace", startLine);
				entries.add(broken);
				continue;
			}
			char close = peek() == '{' ? '}' : ')';
			advance();
			if (type.equals("comment") || type.equals("preamble") || type.equals("string")) {
				skipBalanced(close);
				continue;
			}
			Entry entry = new Entry(entries.size() + 1, startLine);
			entries.add(entry);
			try {
				fields(entry, close);
			}
			catch (Broken broken) {
				entry.problem(broken.messageKey, broken.line);
				resync();
			}
		}
		return entries;
	}

	private void fields(Entry entry, char close) {
		// the citation key, up to the first comma
		while (at < text.length() && peek() != ',' && peek() != close) {
			advance();
		}
		while (true) {
			skipSpace();
			if (at >= text.length()) {
				throw new Broken("validation.evidence.bibtex.notClosed", line);
			}
			if (peek() == close) {
				advance();
				return;
			}
			if (peek() == ',') {
				advance();
				continue;
			}
			int fieldLine = line;
			String name = word().toLowerCase(Locale.ROOT);
			skipSpace();
			if (name.isEmpty() || at >= text.length() || peek() != '=') {
				throw new Broken("validation.evidence.bibtex.badField", fieldLine);
			}
			advance();
			String value = value(fieldLine);
			set(entry, name, clean(value));
		}
	}

	private String value(int fieldLine) {
		StringBuilder value = new StringBuilder();
		while (true) {
			skipSpace();
			if (at >= text.length()) {
				throw new Broken("validation.evidence.bibtex.notClosed", fieldLine);
			}
			char c = peek();
			if (c == '{') {
				advance();
				value.append(until('}', fieldLine));
			}
			else if (c == '"') {
				advance();
				value.append(until('"', fieldLine));
			}
			else {
				String bare = word();
				if (bare.isEmpty()) {
					throw new Broken("validation.evidence.bibtex.badField", fieldLine);
				}
				value.append(bare);
			}
			skipSpace();
			if (at < text.length() && peek() == '#') {
				advance();
				continue;
			}
			return value.toString();
		}
	}

	/** The text up to the closing character at depth zero of nested braces. */
	private String until(char end, int fieldLine) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		while (at < text.length()) {
			char c = peek();
			if (c == '@' && atLineStart() && depth == 0 && end == '}') {
				break;
			}
			advance();
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && depth > 0) {
				depth--;
			}
			else if (c == end && depth == 0) {
				return out.toString();
			}
			out.append(c);
		}
		throw new Broken("validation.evidence.bibtex.notClosed", fieldLine);
	}

	private static void set(Entry entry, String name, String value) {
		switch (name) {
			case "title" -> entry.title = Entry.first(entry.title, value);
			case "author" -> {
				for (String author : value.split("\\s+and\\s+")) {
					if (!author.isBlank()) {
						entry.authors.add(author.strip());
					}
				}
			}
			case "year" -> entry.year = Entry.first(entry.year, value);
			case "journal", "journaltitle", "booktitle" -> entry.journal = Entry.first(entry.journal, value);
			case "language", "langid" -> entry.language = Entry.first(entry.language, value);
			case "abstract" -> entry.abstractText = Entry.first(entry.abstractText, value);
			case "doi" -> entry.doi = Entry.first(entry.doi, value);
			default -> {
				// other fields are not kept
			}
		}
	}

	/** Braces and the commonest escapes go; the letters stay. */
	private static String clean(String value) {
		return value.replace("\\&", "&")
			.replace("\\%", "%")
			.replace("\\_", "_")
			.replace("{", "")
			.replace("}", "")
			.replaceAll("\\s+", " ")
			.strip();
	}

	private boolean skipTo(char wanted) {
		while (at < text.length() && peek() != wanted) {
			advance();
		}
		return at < text.length();
	}

	/** After a broken entry: the next {@code @} at the start of a line. */
	private void resync() {
		while (at < text.length() && !(peek() == '@' && atLineStart())) {
			advance();
		}
	}

	private void skipBalanced(char close) {
		int depth = 0;
		while (at < text.length()) {
			char c = peek();
			advance();
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && depth > 0) {
				depth--;
			}
			else if (c == close && depth == 0) {
				return;
			}
		}
	}

	private boolean atLineStart() {
		int back = at - 1;
		while (back >= 0 && (text.charAt(back) == ' ' || text.charAt(back) == '\t')) {
			back--;
		}
		return back < 0 || text.charAt(back) == '\n' || text.charAt(back) == '\r';
	}

	private String word() {
		int start = at;
		while (at < text.length() && (Character.isLetterOrDigit(peek()) || "_-:.+/".indexOf(peek()) >= 0)) {
			advance();
		}
		return text.substring(start, at);
	}

	private void skipSpace() {
		while (at < text.length() && Character.isWhitespace(peek())) {
			advance();
		}
	}

	private char peek() {
		return text.charAt(at);
	}

	private void advance() {
		if (text.charAt(at) == '\n') {
			line++;
		}
		at++;
	}

	/** A field that cannot be read: the entry is reported and reading moves on. */
	private static final class Broken extends RuntimeException {

		private final String messageKey;

		private final int line;

		Broken(String messageKey, int line) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
			this.line = line;
		}

	}

}
