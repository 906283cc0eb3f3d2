package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of RFC 4180 CSV in UTF-8 (with or without a byte-order mark),
 * separated by commas or semicolons as the header line shows. Unlike a lenient parser it
 * tells exactly what is wrong: the line that is not UTF-8, the quote that never closes.
 */
final class CsvRecords implements RecordSource {

	private static final int BUFFER = 1 << 16;

	private final CountingInputStream counted;

	private final InputStream stream;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);

	private boolean endOfInput;

	private boolean malformed;

	private boolean flushed;

	private final char[] buffer = new char[BUFFER];

	private int position;

	private int limit;

	private long line = 1;

	private char separator;

	private boolean ended;

	CsvRecords(InputStream input) throws IOException {
		this.counted = new CountingInputStream(input);
		PushbackInputStream pushback = new PushbackInputStream(counted, 3);
		byte[] start = new byte[3];
		int n = pushback.readNBytes(start, 0, 3);
		boolean bom = n == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
		if (!bom && n > 0) {
			pushback.unread(start, 0, n);
		}
		this.stream = pushback;
		this.bytes.flip();
	}

	@Override
	public SourceRecord next() throws IOException, FileProblem {
		if (ended) {
			return null;
		}
		if (separator == 0) {
			separator = guessSeparator();
		}
		long startLine = line;
		List<String> fields = new ArrayList<>(16);
		StringBuilder field = new StringBuilder(32);
		boolean quoted = false;
		boolean afterQuote = false;
		boolean any = false;
		while (true) {
			int c = read();
			if (c < 0) {
				ended = true;
				if (!any && fields.isEmpty()) {
					return null;
				}
				add(fields, field, startLine);
				return new SourceRecord(startLine, fields.toArray(String[]::new), quoted);
			}
			any = true;
			char ch = (char) c;
			if (quoted) {
				if (ch == '"') {
					if (peek() == '"') {
						read();
						field.append('"');
					}
					else {
						quoted = false;
						afterQuote = true;
					}
				}
				else {
					if (ch == '\n') {
						line++;
					}
					field.append(ch);
					checkLength(field, startLine);
				}
				continue;
			}
			if (ch == separator) {
				add(fields, field, startLine);
				field.setLength(0);
				afterQuote = false;
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && peek() == '\n') {
					read();
				}
				line++;
				add(fields, field, startLine);
				return new SourceRecord(startLine, fields.toArray(String[]::new), false);
			}
			else if (ch == '"' && field.isEmpty() && !afterQuote) {
				quoted = true;
			}
			else {
				field.append(ch);
				checkLength(field, startLine);
			}
		}
	}

	/**
	 * A cell may not grow without bound: a quote that never closes would otherwise take
	 * the rest of the file into memory as one cell.
	 */
	private static void checkLength(StringBuilder field, long line) throws FileProblem {
		if (field.length() > UploadLimits.MAX_CELL_CHARS) {
			throw new FileProblem("exchange.problem.cellTooLong", line, UploadLimits.MAX_CELL_CHARS);
		}
	}

	private static void add(List<String> fields, StringBuilder field, long line) throws FileProblem {
		if (fields.size() >= UploadLimits.MAX_ROW_CELLS) {
			throw new FileProblem("exchange.problem.tooManyCells", line, UploadLimits.MAX_ROW_CELLS);
		}
		fields.add(field.toString());
	}

	/**
	 * The separator of the header line: whichever of comma and semicolon it has more of.
	 */
	private char guessSeparator() throws IOException, FileProblem {
		fill();
		int commas = 0;
		int semicolons = 0;
		for (int i = position; i < limit && buffer[i] != '\n' && buffer[i] != '\r'; i++) {
			if (buffer[i] == ',') {
				commas++;
			}
			else if (buffer[i] == ';') {
				semicolons++;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

	private int read() throws IOException, FileProblem {
		if (position >= limit && !fill()) {
			return -1;
		}
		return buffer[position++];
	}

	private int peek() throws IOException, FileProblem {
		if (position >= limit && !fill()) {
			return -1;
		}
		return buffer[position];
	}

	/**
	 * Decodes the next characters. The decoder is driven here rather than through a
	 * reader so that the characters before a malformed byte are parsed first, and the
	 * line named in the error is the line that holds it.
	 */
	private boolean fill() throws IOException, FileProblem {
		if (position < limit) {
			return true;
		}
		while (true) {
			if (malformed) {
				throw new FileProblem("exchange.problem.encoding", line);
			}
			if (flushed) {
				return false;
			}
			CharBuffer chars = CharBuffer.wrap(buffer);
			if (!endOfInput) {
				CoderResult result = decoder.decode(bytes, chars, false);
				if (result.isError()) {
					malformed = true;
				}
				else if (result.isUnderflow()) {
					bytes.compact();
					int n = stream.read(bytes.array(), bytes.position(), bytes.remaining());
					if (n < 0) {
						endOfInput = true;
					}
					else {
						bytes.position(bytes.position() + n);
					}
					bytes.flip();
				}
			}
			else {
				// the decoder's last steps, each taken once: the end of the input (which
				// reports a sequence cut short), then the flush
				CoderResult result = decoder.decode(bytes, chars, true);
				if (result.isError()) {
					malformed = true;
				}
				else if (result.isUnderflow() && decoder.flush(chars).isUnderflow()) {
					flushed = true;
				}
			}
			if (chars.position() > 0) {
				position = 0;
				limit = chars.position();
				return true;
			}
		}
	}

	@Override
	public long bytesRead() {
		return counted.count();
	}

	@Override
	public void close() throws IOException {
		stream.close();
	}

}
