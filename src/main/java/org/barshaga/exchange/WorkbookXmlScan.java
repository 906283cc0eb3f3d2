package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One XML part, scanned as a stream of bytes for every token the reader would accumulate:
 * no tag, text, comment or CDATA may be longer than a cell could need, no cell (or shared
 * string) may hold more text, no row more cells, no element be nested deeper than a
 * workbook needs.
 */
final class WorkbookXmlScan {

	private static final int MAX_DEPTH = 100;

	private static final int MAX_FORMULA_RANGES = 100_000;

	private static final int TEXT = 0;

	private static final int TAG = 1;

	private static final int QUOTED = 2;

	private static final int SPECIAL = 3;

	private final String part;

	private int mode = TEXT;

	private byte quote;

	private byte[] tag = new byte[256];

	private int tagLength;

	private long run;

	private byte[] terminator;

	private int matched;

	private boolean inCell;

	private long cellText;

	private int cellsInRow;

	private int depth;

	private int formulaRanges;

	WorkbookXmlScan(String part) {
		this.part = part;
	}

	void feed(byte[] bytes, int length) throws FileProblem {
		for (int i = 0; i < length; i++) {
			byte c = bytes[i];
			switch (mode) {
				case TEXT -> {
					if (c == '<') {
						mode = TAG;
						tagLength = 0;
					}
					else {
						text();
					}
				}
				case TAG -> {
					append(c);
					if (c == '>') {
						endOfTag();
					}
					else if (c == '"' || c == '\'') {
						quote = c;
						mode = QUOTED;
					}
					else {
						special();
					}
				}
				case QUOTED -> {
					append(c);
					if (c == quote) {
						mode = TAG;
					}
				}
				default -> {
					if (terminator[0] == ']') {
						text();
					}
					else if (++run > UploadLimits.MAX_XML_TOKEN_BYTES) {
						throw tooLong();
					}
					matched = c == terminator[matched] ? matched + 1 : (c == terminator[0] ? 1 : 0);
					if (matched == terminator.length) {
						mode = TEXT;
						run = 0;
					}
				}
			}
		}
	}

	private void text() throws FileProblem {
		if (++run > UploadLimits.MAX_XML_TOKEN_BYTES) {
			throw tooLong();
		}
		if (inCell && ++cellText > UploadLimits.MAX_XML_TOKEN_BYTES) {
			throw new FileProblem("exchange.problem.xlsxCell", part, UploadLimits.MAX_CELL_CHARS);
		}
	}

	/** A comment, CDATA or processing instruction is read up to its end, counted. */
	private void special() throws FileProblem {
		if (tagLength == 1 && tag[0] == '?') {
			enterSpecial("?>");
		}
		else if (tagLength == 3 && startsWith("!--")) {
			enterSpecial("-->");
		}
		else if (tagLength == 8 && startsWith("![CDATA[")) {
			enterSpecial("]]>");
		}
		else if (tagLength == 2 && tag[0] == '!' && tag[1] != '-' && tag[1] != '[') {
			throw new FileProblem("exchange.problem.xlsxMarkup", part);
		}
	}

	private void enterSpecial(String end) {
		mode = SPECIAL;
		terminator = end.getBytes(StandardCharsets.US_ASCII);
		matched = 0;
		run = tagLength;
	}

	private boolean startsWith(String prefix) {
		for (int i = 0; i < prefix.length(); i++) {
			if (tag[i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void append(byte c) throws FileProblem {
		if (tagLength == tag.length) {
			if (tag.length >= UploadLimits.MAX_XML_TOKEN_BYTES) {
				throw tooLong();
			}
			tag = Arrays.copyOf(tag, Math.min(tag.length * 2, UploadLimits.MAX_XML_TOKEN_BYTES));
		}
		tag[tagLength++] = c;
	}

	private void endOfTag() throws FileProblem {
		mode = TEXT;
		run = 0;
		int length = tagLength - 1;
		if (length > 0 && tag[0] == '/') {
			String name = localName(1, length);
			depth--;
			if (name.equals("c") || name.equals("si")) {
				inCell = false;
			}
			return;
		}
		boolean empty = length > 0 && tag[length - 1] == '/';
		String name = localName(0, empty ? length - 1 : length);
		if (!empty && ++depth > MAX_DEPTH) {
			throw new FileProblem("exchange.problem.xlsx");
		}
		switch (name) {
			case "row" -> cellsInRow = 0;
			case "c" -> {
				if (++cellsInRow > UploadLimits.MAX_ROW_CELLS || !column(attribute("r", length))) {
					throw new FileProblem("exchange.problem.xlsxColumns", part, UploadLimits.MAX_ROW_CELLS);
				}
				inCell = !empty;
				cellText = 0;
			}
			case "si" -> {
				inCell = !empty;
				cellText = 0;
			}
			case "f" -> {
				if (attribute("ref", length) != null && ++formulaRanges > MAX_FORMULA_RANGES) {
					throw new FileProblem("exchange.problem.xlsxFormulas", part, MAX_FORMULA_RANGES);
				}
			}
			default -> {
				// other elements are held one at a time
			}
		}
	}

	private String localName(int from, int to) {
		int end = from;
		while (end < to && tag[end] != ' ' && tag[end] != '\t' && tag[end] != '\n' && tag[end] != '\r'
				&& tag[end] != '/') {
			end++;
		}
		int start = from;
		for (int i = from; i < end; i++) {
			if (tag[i] == ':') {
				start = i + 1;
			}
		}
		return new String(tag, start, end - start, StandardCharsets.ISO_8859_1);
	}

	/** An attribute of the tag (without a namespace prefix), or null. */
	private String attribute(String name, int length) {
		for (int i = 1; i + name.length() < length; i++) {
			byte before = tag[i - 1];
			if (before != ' ' && before != '\t' && before != '\n' && before != '\r') {
				continue;
			}
			int j = 0;
			while (j < name.length() && tag[i + j] == name.charAt(j)) {
				j++;
			}
			if (j < name.length()) {
				continue;
			}
			int k = i + j;
			while (k < length && (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\n' || tag[k] == '\r')) {
				k++;
			}
			if (k >= length || tag[k] != '=') {
				continue;
			}
			k++;
			while (k < length && (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\n' || tag[k] == '\r')) {
				k++;
			}
			if (k >= length || (tag[k] != '"' && tag[k] != '\'')) {
				continue;
			}
			byte q = tag[k];
			int end = k + 1;
			while (end < length && tag[end] != q) {
				end++;
			}
			return new String(tag, k + 1, end - k - 1, StandardCharsets.ISO_8859_1);
		}
		return null;
	}

	/** A cell reference, if any, names a column Excel has (A to XFD). */
	private static boolean column(String reference) {
		if (reference == null) {
			return true;
		}
		int column = 0;
		int letters = 0;
		while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(letters)) - 'A' + 1);
			letters++;
			if (letters > 3) {
				return false;
			}
		}
		return column <= UploadLimits.MAX_ROW_CELLS;
	}

	private FileProblem tooLong() {
		return new FileProblem("exchange.problem.xlsxToken", part, UploadLimits.MAX_CELL_CHARS);
	}

}
