package org.barshaga.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.SpreadsheetCells;

/**
 * Reads a bibliography as CSV: a header row naming the columns (title and year required;
 * doi, authors, journal, language, abstract optional; in any order and case), comma or
 * semicolon separated, authors separated by semicolons inside their cell. A row with more
 * or fewer cells than the header is broken; a quote left open breaks the rest of the
 * file.
 */
final class CsvBibliographyReader {

	private static final List<String> COLUMNS = List.of("title", "year", "doi", "authors", "journal", "language",
			"abstract");

	private CsvBibliographyReader() {
	}

	static List<Entry> read(String text) {
		String firstLine = text.lines().findFirst().orElse("");
		char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> columns = null;
		int headerSize = 0;
		try (CsvReader<CsvRecord> records = CsvReader.builder()
			.fieldSeparator(separator)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(text)) {
			for (CsvRecord record : records) {
				if (columns == null) {
					columns = header(record);
					headerSize = record.getFieldCount();
					continue;
				}
				int line = (int) record.getStartingLineNumber();
				Entry entry = new Entry(entries.size() + 1, line);
				entries.add(entry);
				if (record.getFieldCount() != headerSize) {
					entry.problem("validation.evidence.csv.cells", line, record.getFieldCount(), headerSize);
					continue;
				}
				entry.title = cell(record, columns, "title");
				entry.year = cell(record, columns, "year");
				entry.doi = cell(record, columns, "doi");
				entry.journal = cell(record, columns, "journal");
				entry.language = cell(record, columns, "language");
				entry.abstractText = cell(record, columns, "abstract");
				String authors = cell(record, columns, "authors");
				if (authors != null) {
					for (String author : authors.split(";")) {
						if (!author.isBlank()) {
							entry.authors.add(author.strip());
						}
					}
				}
			}
		}
		catch (IOException impossible) {
			// the text is in memory: closing it cannot fail
			throw new UncheckedIOException(impossible);
		}
		catch (CsvParseException unreadable) {
			Entry broken = new Entry(entries.size() + 1, lineAfter(entries));
			broken.problem("validation.evidence.csv.unreadable", broken.line);
			entries.add(broken);
		}
		if (columns == null) {
			throw InvalidInputException.of("file", "validation.evidence.csv.header", "title, year");
		}
		return entries;
	}

	private static Map<String, Integer> header(CsvRecord record) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
			if (name.equals("author")) {
				name = "authors";
			}
			if (COLUMNS.contains(name)) {
				columns.putIfAbsent(name, i);
			}
		}
		if (!columns.containsKey("title") || !columns.containsKey("year")) {
			throw InvalidInputException.of("file", "validation.evidence.csv.header", "title, year");
		}
		return columns;
	}

	private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		if (index == null) {
			return null;
		}
		String value = SpreadsheetCells.restored(record.getField(index).strip());
		return value.isEmpty() ? null : value;
	}

	private static int lineAfter(List<Entry> entries) {
		return entries.isEmpty() ? 2 : entries.get(entries.size() - 1).line + 1;
	}

	private static long count(String line, char c) {
		return line.chars().filter(ch -> ch == c).count();
	}

}
