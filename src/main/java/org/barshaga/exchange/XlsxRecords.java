package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of the first sheet of an XLSX workbook, streamed. Cells that Excel turned into
 * dates or numbers are given back as the text the layout expects ({@code 2025-09-01},
 * {@code 12}), so that a template filled in Excel reads like the CSV.
 */
final class XlsxRecords implements RecordSource {

	private final CountingInputStream counted;

	private final ReadableWorkbook workbook;

	private final Stream<Row> rows;

	private final Iterator<Row> iterator;

	XlsxRecords(InputStream input) throws IOException, FileProblem {
		this.counted = new CountingInputStream(input);
		try {
			this.workbook = new ReadableWorkbook(counted);
			this.rows = workbook.getFirstSheet().openStream();
			this.iterator = rows.iterator();
		}
		catch (IOException | RuntimeException ex) {
			throw new FileProblem("exchange.problem.xlsx");
		}
	}

	@Override
	public SourceRecord next() throws FileProblem {
		try {
			if (!iterator.hasNext()) {
				return null;
			}
			Row row = iterator.next();
			String[] fields = new String[row.getCellCount()];
			for (int i = 0; i < fields.length; i++) {
				fields[i] = text(row.getCell(i));
			}
			return new SourceRecord(row.getRowNum(), fields, false);
		}
		catch (RuntimeException ex) {
			throw new FileProblem("exchange.problem.xlsx");
		}
	}

	private static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			String format = cell.getDataFormatString();
			if (format != null && (format.contains("yy") || format.contains("dd"))) {
				LocalDateTime date = cell.asDate();
				return date.toLocalDate().toString();
			}
			BigDecimal number = cell.asNumber();
			return number.stripTrailingZeros().toPlainString();
		}
		if (cell.getType() == CellType.BOOLEAN) {
			return String.valueOf(cell.asBoolean());
		}
		String text = cell.getText();
		return text == null ? "" : text;
	}

	@Override
	public long bytesRead() {
		return counted.count();
	}

	@Override
	public void close() throws IOException {
		rows.close();
		workbook.close();
	}

}
