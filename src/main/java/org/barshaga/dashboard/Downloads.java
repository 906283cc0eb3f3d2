package org.barshaga.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.SpreadsheetCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table of a page as a file: the key columns, then for each indicator its numerator,
 * denominator, value and a note (no data, suppressed), with headers in the user's
 * language. Numbers are written plainly (a point before decimals) in CSV, as numbers in
 * XLSX.
 */
final class Downloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String CSV = "text/csv; charset=UTF-8";

	private Downloads() {
	}

	static List<String> headers(Figures.Context c, FigureTable table) {
		List<String> headers = new ArrayList<>(table.keyHeaders());
		boolean several = table.groups().size() > 1;
		for (FigureGroup group : table.groups()) {
			String prefix = several ? group.title() + ": " : "";
			headers.add(prefix + c.text("dashboard.column.numerator") + ": " + group.numeratorHeader());
			headers.add(prefix + c.text("dashboard.column.denominator")
					+ (group.denominatorHeader() == null || group.denominatorHeader().isEmpty() ? ""
							: ": " + group.denominatorHeader()));
			headers.add(prefix + group.valueHeader());
			headers.add(prefix + c.text("dashboard.column.note"));
		}
		return headers;
	}

	/** The cells of a row: text for the keys and notes, numbers for the figures. */
	static List<Object> cells(FigureRow row) {
		List<Object> cells = new ArrayList<>();
		for (FigureKey key : row.keys()) {
			cells.add(key.text());
		}
		for (FigureCell cell : row.cells()) {
			cells.add(cell.numerator());
			cells.add(cell.denominator());
			cells.add(cell.value());
			cells.add(cell.note());
		}
		return cells;
	}

	static void csv(Figures.Context c, FigureTable table, OutputStream output) throws IOException {
		Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
		out.write('\uFEFF');
		line(out, new ArrayList<>(headers(c, table)));
		for (FigureRow row : table.allRows()) {
			line(out, cells(row));
		}
		out.flush();
	}

	private static void line(Writer out, List<?> fields) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			Object field = fields.get(i);
			String text = field == null ? ""
					: field instanceof BigDecimal number ? number.toPlainString() : field.toString();
			SpreadsheetCells.appendCsv(line, text);
		}
		line.append("\r\n");
		out.write(line.toString());
	}

	static void xlsx(Figures.Context c, FigureTable table, OutputStream output) throws IOException {
		Workbook workbook = new Workbook(output, "Barshaga", "1.0");
		Worksheet sheet = workbook.newWorksheet(c.text("dashboard.download.sheet"));
		List<String> headers = headers(c, table);
		for (int col = 0; col < headers.size(); col++) {
			sheet.value(0, col, headers.get(col));
			sheet.style(0, col).bold().set();
		}
		int r = 1;
		for (FigureRow row : table.allRows()) {
			List<Object> cells = cells(row);
			for (int col = 0; col < cells.size(); col++) {
				Object cell = cells.get(col);
				if (cell instanceof BigDecimal number) {
					sheet.value(r, col, number);
				}
				else if (cell != null && !cell.toString().isEmpty()) {
					sheet.value(r, col, SpreadsheetCells.neutralised(cell.toString()));
				}
			}
			r++;
		}
		workbook.finish();
	}

}
