package org.barshaga.kernel;

/**
 * The one rule for text that leaves the product in a CSV or XLSX cell, and for reading it
 * back. A spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula (OWASP "CSV injection"), so such a
 * value is written with a leading apostrophe, which spreadsheets show as text. Imports
 * take the apostrophe off again, so that an export imported again changes nothing.
 * <p>
 * The rule is exact both ways: a value is prefixed when it is any number of apostrophes
 * followed by a formula character, and a cell loses one apostrophe when it is one or more
 * apostrophes followed by a formula character. A plain number ({@code -12}, {@code -0.5})
 * is left as it is: it is no formula, and a spreadsheet must still read it as a number.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/** The value as it may safely stand in a spreadsheet cell. */
	public static String neutralised(String value) {
		if (value == null || value.isEmpty() || !apostrophesThenFormula(value, 0) || plainNumber(value)) {
			return value;
		}
		return "'" + value;
	}

	/** The value that {@link #neutralised} wrote as this cell. */
	public static String restored(String cell) {
		if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'' || !apostrophesThenFormula(cell, 1)) {
			return cell;
		}
		return cell.substring(1);
	}

	/** Appends the value as one CSV field: neutralised, then quoted as RFC 4180 asks. */
	public static void appendCsv(StringBuilder out, String value) {
		String text = value == null ? "" : neutralised(value);
		boolean quote = false;
		for (int i = 0; i < text.length() && !quote; i++) {
			char c = text.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';';
		}
		if (!quote) {
			out.append(text);
			return;
		}
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

	private static boolean apostrophesThenFormula(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		return i < text.length() && isFormulaStart(text.charAt(i));
	}

	private static boolean isFormulaStart(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	/**
	 * An optional minus, digits, and an optional fraction: nothing a formula can hide in.
	 */
	private static boolean plainNumber(String text) {
		int i = text.charAt(0) == '-' ? 1 : 0;
		int digits = 0;
		boolean point = false;
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (c == '.' && !point && digits > 0) {
				point = true;
			}
			else {
				return false;
			}
		}
		return digits > 0 && text.charAt(text.length() - 1) != '.';
	}

}
