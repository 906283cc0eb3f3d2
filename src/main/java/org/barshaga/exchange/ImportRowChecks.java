package org.barshaga.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The checks of one row of an import before anything is written: the row parsed by the
 * layout, its natural key not repeated in the file, a birth date not in the future, and
 * its references resolved by the register's writer. Apart from {@link ImportExecution} so
 * that what makes a row rejected reads in one place, away from the transactions.
 */
final class ImportRowChecks {

	private final RowParser parser;

	private final RegisterHandler.RowWriter writer;

	private final int[] keyColumns;

	private final int birthColumn;

	private final LocalDate today;

	/** The line of each natural key seen in the file so far. */
	private final KeyIndex keys = new KeyIndex();

	private final StringBuilder key = new StringBuilder();

	ImportRowChecks(Layout layout, RowParser parser, RegisterHandler.RowWriter writer, Instant now) {
		this.parser = parser;
		this.writer = writer;
		this.keyColumns = layout.key().stream().mapToInt(layout::index).toArray();
		this.birthColumn = layout.has(Checks.BIRTH_DATE) ? layout.index(Checks.BIRTH_DATE) : -1;
		this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	/**
	 * Adds the row's problems to the list; answers the row resolved for writing, which is
	 * to be written only when the list stays empty.
	 */
	Object check(RecordSource.SourceRecord record, List<Rejection> problems) {
		Object resolved = null;
		if (record.unclosedQuote()) {
			problems.add(new Rejection(record.line(), null, null, "exchange.reason.unclosedQuote"));
		}
		else {
			ParsedRow row = parser.parse(record.line(), record.fields(), problems);
			if (row != null) {
				key.setLength(0);
				for (int column : keyColumns) {
					key.append(row.raw(column).toUpperCase()).append('\u001f');
				}
				int earlier = keys.putIfAbsent(key.toString(), record.line());
				if (earlier > 0) {
					problems.add(new Rejection(record.line(), null, null, "exchange.reason.repeated", earlier));
				}
				else {
					if (birthColumn >= 0) {
						Checks.notInFuture(row, birthColumn, Checks.BIRTH_DATE, today, problems);
					}
					resolved = writer.resolve(row, problems);
				}
			}
		}
		return resolved;
	}

}
