package org.barshaga.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of the first sheet of an XLSX workbook, streamed from the file (random access
 * to its zip entries, so the workbook is never held in memory), once
 * {@link WorkbookCheck} has proved that no part of it can make the reader exhaust the
 * heap. Cells that Excel turned into dates or numbers are given back as the text the
 * layout expects ({@code 2025-09-01}, {@code 12}), so that a template filled in Excel
 * reads like the CSV.
 */
final class XlsxRecords implements RecordSource {

	private final ReadableWorkbook workbook;

	private final Stream<Row> rows;

	private final Iterator<Row> iterator;

	XlsxRecords(Path file) throws FileProblem, IOException {
		WorkbookCheck.check(file);
		try {
			// Cell formats are read so that a date typed in Excel is known as a date.
			this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
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
			if (row.getCellCount() > UploadLimits.MAX_ROW_CELLS) {
				throw new FileProblem("exchange.problem.tooManyCells", row.getRowNum(), UploadLimits.MAX_ROW_CELLS);
			}
			String[] fields = new String[row.getCellCount()];
			for (int i = 0; i < fields.length; i++) {
				fields[i] = text(row.getCell(i));
				if (fields[i].length() > UploadLimits.MAX_CELL_CHARS) {
					throw new FileProblem("exchange.problem.cellTooLong", row.getRowNum(), UploadLimits.MAX_CELL_CHARS);
				}
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

	/**
	 * Unknown: the workbook is read from its zip entries, not front to back, so the bytes
	 * read say nothing about the rows to come. An XLSX holds at most a million rows; the
	 * files of millions are CSV.
	 */
	@Override
	public long bytesRead() {
		return -1;
	}

	@Override
	public void close() throws IOException {
		rows.close();
		workbook.close();
	}

}
