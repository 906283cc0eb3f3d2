package org.barshaga.registry;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.barshaga.kernel.Codes;
import org.barshaga.registry.KatoImport.LineProblem;

/**
 * The KATO classifier's file read into rows, parents before children, with every bad line
 * reported. Apart from {@link KatoImport} because reading touches no database: the rows
 * are checked whole before anything is applied.
 */
final class KatoFile {

	private KatoFile() {
	}

	record Row(int line, String kato, String parentKato, String nameKk, String nameRu) {

		int level() {
			if (kato.endsWith("0000000")) {
				return 1;
			}
			if (kato.endsWith("00000")) {
				return 2;
			}
			return kato.endsWith("000") ? 3 : 4;
		}

	}

	/**
	 * The classifier is read whole (to order parents before children), so the file is
	 * bounded: the real one is about 4 MB and 17,000 rows.
	 */
	static final long MAX_BYTES = 32L * 1024 * 1024;

	static final int MAX_ROWS = 100_000;

	static List<Row> parse(InputStream csv, List<LineProblem> problems) {
		try {
			return parseBounded(new FilterInputStream(csv) {

				private long count;

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0 && ++count > MAX_BYTES) {
						throw new TooLarge();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0 && (count += n) > MAX_BYTES) {
						throw new TooLarge();
					}
					return n;
				}

			}, problems);
		}
		catch (UncheckedIOException ex) {
			if (!(ex.getCause() instanceof TooLarge)) {
				throw ex;
			}
			problems.clear();
			problems.add(new LineProblem(1, null, null, "kato.error.tooLarge", List.of(MAX_BYTES / 1024 / 1024)));
			return List.of();
		}
	}

	private static final class TooLarge extends IOException {

		TooLarge() {
			super("The file is larger than the classifier can be");
		}

	}

	private static List<Row> parseBounded(InputStream csv, List<LineProblem> problems) {
		List<Row> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
			reader.mark(64 * 1024);
			char[] start = new char[64 * 1024 - 1];
			int length = Math.max(0, reader.read(start, 0, start.length));
			reader.reset();
			String firstLine = length == 0 ? null : new String(start, 0, length).lines().findFirst().orElse("");
			if (firstLine == null) {
				problems.add(new LineProblem(1, null, null, "kato.error.empty", List.of()));
				return rows;
			}
			char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars()
				.filter(c -> c == ',')
				.count() ? ';' : ',';
			try (CsvReader<CsvRecord> records = CsvReader.builder().fieldSeparator(separator).ofCsvRecord(reader)) {
				for (CsvRecord record : records) {
					int line = (int) record.getStartingLineNumber();
					List<String> fields = record.getFields()
						.stream()
						.map(f -> f.replace("\uFEFF", "").strip())
						.toList();
					if (fields.stream().allMatch(String::isEmpty)) {
						continue;
					}
					if (line == 1 && !fields.get(0).chars().allMatch(Character::isDigit)) {
						continue;
					}
					if (rows.size() >= MAX_ROWS) {
						problems.add(new LineProblem(line, null, null, "kato.error.tooManyRows", List.of(MAX_ROWS)));
						break;
					}
					Row row = readRow(line, fields, problems);
					if (row != null && !seen.add(row.kato())) {
						problems.add(new LineProblem(line, "code", row.kato(), "kato.error.duplicate", List.of()));
					}
					else if (row != null) {
						rows.add(row);
					}
				}
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new LineProblem(1, null, null, "kato.error.empty", List.of()));
		}
		rows.sort(Comparator.comparingInt(Row::level).thenComparing(Row::line));
		return rows;
	}

	private static Row readRow(int line, List<String> fields, List<LineProblem> problems) {
		if (fields.size() < 4) {
			problems.add(new LineProblem(line, null, String.join(",", fields), "kato.error.columns", List.of(4)));
			return null;
		}
		int before = problems.size();
		String code = fields.get(0);
		String parent = fields.get(1);
		if (!Codes.isKato(code)) {
			problems.add(new LineProblem(line, "code", code, "kato.error.code", List.of()));
		}
		if (!parent.isEmpty() && !Codes.isKato(parent)) {
			problems.add(new LineProblem(line, "parent_code", parent, "kato.error.code", List.of()));
		}
		if (fields.get(2).isEmpty()) {
			problems.add(new LineProblem(line, "name_kk", "", "kato.error.name", List.of()));
		}
		if (fields.get(3).isEmpty()) {
			problems.add(new LineProblem(line, "name_ru", "", "kato.error.name", List.of()));
		}
		if (code.equals(parent)) {
			problems.add(new LineProblem(line, "parent_code", parent, "kato.error.selfParent", List.of()));
		}
		return problems.size() > before ? null : new Row(line, code, parent, fields.get(2), fields.get(3));
	}

}
