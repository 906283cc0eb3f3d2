package org.barshaga.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a paper-answers file as RFC 4180 CSV: fields quoted with {@code "} may hold the
 * delimiter, quotes (doubled) and line breaks. The delimiter is the comma, or the
 * semicolon when the first line has more of them (a spreadsheet saving CSV in a Russian
 * or Kazakh locale writes semicolons). Each record keeps the line it starts on.
 */
final class PaperCsv {

	record Record(int line, List<String> cells) {

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}

	}

	private PaperCsv() {
	}

	static List<Record> read(String text) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		char delimiter = delimiter(body);
		List<Record> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int start = 1;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == delimiter) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				records.add(new Record(start, List.copyOf(cells)));
				cells.clear();
				line++;
				start = line;
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			records.add(new Record(start, List.copyOf(cells)));
		}
		return records;
	}

	private static char delimiter(String body) {
		int end = body.indexOf('\n');
		String first = end < 0 ? body : body.substring(0, end);
		long commas = first.chars().filter(c -> c == ',').count();
		long semicolons = first.chars().filter(c -> c == ';').count();
		return semicolons > commas ? ';' : ',';
	}

}
