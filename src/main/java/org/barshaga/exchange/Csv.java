package org.barshaga.exchange;

import java.io.IOException;
import java.io.Writer;

import org.barshaga.kernel.SpreadsheetCells;

/**
 * Writing CSV: the quoting rules of RFC 4180. Files for people go through
 * {@link #writeRow}, which neutralises formula cells; {@link #appendQuoted} is only for
 * text the database reads ({@code COPY}), where a value must stay exactly as it is.
 */
final class Csv {

	private Csv() {
	}

	static void appendQuoted(StringBuilder out, String value) {
		boolean quote = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';') {
				quote = true;
				break;
			}
		}
		if (!quote) {
			out.append(value);
			return;
		}
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

	static void writeRow(Writer out, String[] fields, StringBuilder scratch) throws IOException {
		scratch.setLength(0);
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				scratch.append(',');
			}
			SpreadsheetCells.appendCsv(scratch, fields[i]);
		}
		scratch.append("\r\n");
		out.append(scratch);
	}

}
