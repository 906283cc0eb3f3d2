package org.barshaga.generator;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One CSV file written row by row through a large buffer: UTF-8 without a byte-order
 * mark, comma separated, a field quoted (RFC 4180) only when it holds a comma, a quote or
 * a line break, lines ending in a line feed. Counts its data rows.
 */
final class CsvFile implements Closeable {

	private static final int BUFFER = 1 << 20;

	final String name;

	private final Writer out;

	private final char[] digits = new char[20];

	private boolean firstField = true;

	private long rows;

	CsvFile(Path directory, String name, String header) throws IOException {
		this.name = name;
		this.out = new BufferedWriter(
				new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(directory.resolve(name)), BUFFER),
						StandardCharsets.UTF_8),
				BUFFER);
		write(header);
		write('\n');
	}

	long rows() {
		return rows;
	}

	/** A text field; null and empty both write an empty field. */
	CsvFile text(String value) {
		separate();
		if (value != null) {
			if (needsQuotes(value)) {
				write('"');
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					if (c == '"') {
						write('"');
					}
					write(c);
				}
				write('"');
			}
			else {
				write(value);
			}
		}
		return this;
	}

	CsvFile empty() {
		separate();
		return this;
	}

	CsvFile number(long value) {
		separate();
		writeNumber(value);
		return this;
	}

	/** A number of quarters (5 is 1.25), as a decimal with a dot. */
	CsvFile quarters(int quarters) {
		separate();
		writeNumber(quarters / 4);
		switch (quarters % 4) {
			case 1 -> write(".25");
			case 2 -> write(".5");
			case 3 -> write(".75");
			default -> {
			}
		}
		return this;
	}

	CsvFile bool(boolean value) {
		separate();
		write(value ? "true" : "false");
		return this;
	}

	CsvFile date(LocalDate date) {
		separate();
		if (date != null) {
			writeDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
		}
		return this;
	}

	CsvFile date(int year, int month, int day) {
		separate();
		writeDate(year, month, day);
		return this;
	}

	void endRow() {
		write('\n');
		rows++;
		firstField = true;
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

	private void writeDate(int year, int month, int day) {
		writeNumber(year);
		write(month < 10 ? "-0" : "-");
		writeNumber(month);
		write(day < 10 ? "-0" : "-");
		writeNumber(day);
	}

	private void writeNumber(long value) {
		if (value < 0) {
			write('-');
			value = -value;
		}
		int at = digits.length;
		do {
			digits[--at] = (char) ('0' + value % 10);
			value /= 10;
		}
		while (value > 0);
		try {
			out.write(digits, at, digits.length - at);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	private void separate() {
		if (!firstField) {
			write(',');
		}
		firstField = false;
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	private void write(String value) {
		try {
			out.write(value);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	private void write(char value) {
		try {
			out.write(value);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

}
