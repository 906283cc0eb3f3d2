package org.barshaga.exchange;

import java.io.Closeable;
import java.io.IOException;

/** The records of an uploaded file, read one at a time so that no file is held whole. */
interface RecordSource extends Closeable {

	/** The next record, or null at the end of the file. */
	SourceRecord next() throws IOException, FileProblem;

	/** Bytes of the file consumed so far: the progress that stays true for any size. */
	long bytesRead();

	/**
	 * One record: the line it starts on (the header is line 1), its fields, and whether
	 * it ends inside a quote that is never closed (then it swallowed the rest of the
	 * file).
	 */
	record SourceRecord(long line, String[] fields, boolean unclosedQuote) {

		boolean blank() {
			for (String field : fields) {
				if (!field.isBlank()) {
					return false;
				}
			}
			return true;
		}

	}

}
