package org.barshaga.exchange;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.barshaga.kernel.Codes;
import org.barshaga.kernel.Decimals;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.PersonNames;
import org.barshaga.kernel.SpreadsheetCells;

/**
 * Checks a file's header against a layout and converts each row's cells to typed values,
 * naming every cell that is wrong. Nothing here touches the database.
 */
final class RowParser {

	private final Layout layout;

	/**
	 * For each layout column, its position in the file (or -1 when the file lacks it).
	 */
	private final int[] positions;

	private final int width;

	private final Set<String>[] codeSets;

	@SuppressWarnings("unchecked")
	private RowParser(Layout layout, int[] positions, int width) {
		this.layout = layout;
		this.positions = positions;
		this.width = width;
		this.codeSets = new Set[layout.columns().size()];
		for (int i = 0; i < codeSets.length; i++) {
			codeSets[i] = Set.copyOf(layout.columns().get(i).codes());
		}
	}

	/**
	 * A parser for a file with this header, or a refusal naming what is wrong and the
	 * expected layout; a header that fits another register says which.
	 */
	static RowParser forHeader(Layout layout, String[] header, List<Layout> others) throws FileProblem {
		List<String> names = new ArrayList<>();
		for (String cell : header) {
			names.add(cell.strip().toLowerCase(Locale.ROOT));
		}
		Set<String> seen = new HashSet<>();
		List<String> repeated = names.stream().filter(n -> !n.isEmpty() && !seen.add(n)).distinct().toList();
		if (!repeated.isEmpty()) {
			throw new FileProblem("exchange.problem.repeatedColumns", String.join(", ", repeated), layout.describe());
		}
		Set<String> known = layout.columns().stream().map(Column::name).collect(Collectors.toSet());
		List<String> unknown = names.stream().filter(n -> !n.isEmpty() && !known.contains(n)).toList();
		List<String> missing = layout.columns()
			.stream()
			.filter(c -> c.required() && !names.contains(c.name()))
			.map(Column::name)
			.toList();
		if (!unknown.isEmpty() || !missing.isEmpty()) {
			for (Layout other : others) {
				if (other.register() != layout.register() && fits(other, names)) {
					throw new FileProblem("exchange.problem.otherRegister", other.register().messageKey(),
							layout.register().messageKey(), layout.describe());
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new FileProblem("exchange.problem.missingColumns", String.join(", ", missing), layout.describe());
		}
		if (!unknown.isEmpty()) {
			throw new FileProblem("exchange.problem.unknownColumns", String.join(", ", unknown), layout.describe());
		}
		int[] positions = new int[layout.columns().size()];
		for (int i = 0; i < positions.length; i++) {
			positions[i] = names.indexOf(layout.columns().get(i).name());
		}
		return new RowParser(layout, positions, header.length);
	}

	private static boolean fits(Layout layout, List<String> names) {
		Set<String> known = layout.columns().stream().map(Column::name).collect(Collectors.toSet());
		return names.stream().filter(n -> !n.isEmpty()).allMatch(known::contains)
				&& layout.columns().stream().filter(Column::required).allMatch(c -> names.contains(c.name()));
	}

	/** The row's values, or null after adding the reasons it cannot be read. */
	ParsedRow parse(long line, String[] fields, List<Rejection> problems) {
		if (fields.length != width) {
			problems.add(new Rejection(line, null, null, "exchange.reason.fieldCount", fields.length, width));
			return null;
		}
		List<Column> columns = layout.columns();
		Object[] values = new Object[columns.size()];
		String[] raw = new String[columns.size()];
		int before = problems.size();
		for (int i = 0; i < values.length; i++) {
			String text = positions[i] < 0 ? "" : SpreadsheetCells.restored(fields[positions[i]].strip());
			raw[i] = text;
			Column column = columns.get(i);
			if (text.isEmpty()) {
				if (column.requiredOfEveryRow()) {
					problems.add(new Rejection(line, column.name(), "", "exchange.reason.required"));
				}
				continue;
			}
			if (column.kind() == Column.Kind.TEXT || column.kind() == Column.Kind.NAME
					|| column.kind() == Column.Kind.REGISTER_NAME) {
				text = PersonNames.normalised(text);
				raw[i] = text;
			}
			if (text.length() > column.maxLength() && (column.kind() == Column.Kind.TEXT
					|| column.kind() == Column.Kind.NAME || column.kind() == Column.Kind.REGISTER_NAME)) {
				problems.add(new Rejection(line, column.name(), text, "exchange.reason.tooLong", column.maxLength()));
				continue;
			}
			values[i] = convert(line, column, codeSets[i], text, problems);
		}
		return problems.size() == before ? new ParsedRow(line, values, raw) : null;
	}

	private static Object convert(long line, Column column, Set<String> codes, String text, List<Rejection> problems) {
		String name = column.name();
		switch (column.kind()) {
			case TEXT: {
				// No database keeps a NUL in text (PostgreSQL refuses it), so the cell is
				// refused rather than the batch.
				int nul = text.indexOf('\u0000');
				if (nul >= 0) {
					problems.add(new Rejection(line, name, text, "validation.name.invisible",
							new Object[] { text.codePointCount(0, nul) + 1, "U+0000" }));
					return null;
				}
				return text;
			}
			case NAME, REGISTER_NAME: {
				var problem = column.kind() == Column.Kind.NAME ? PersonNames.problem(text)
						: PersonNames.hiddenCharacter(text);
				if (problem.isPresent()) {
					problems
						.add(new Rejection(line, name, text, problem.get().messageKey(), problem.get().arguments()));
					return null;
				}
				return text;
			}
			case CODE: {
				String code = text.toUpperCase(Locale.ROOT);
				if (!codes.contains(code)) {
					problems.add(new Rejection(line, name, text, "exchange.reason.unknownCode", allowed(column)));
					return null;
				}
				return code;
			}
			case CODES: {
				List<String> result = new ArrayList<>();
				for (String part : text.split("\\|")) {
					String code = part.strip().toUpperCase(Locale.ROOT);
					if (code.isEmpty()) {
						continue;
					}
					if (!codes.contains(code)) {
						problems.add(new Rejection(line, name, text, "exchange.reason.unknownCode", allowed(column)));
						return null;
					}
					if (!result.contains(code)) {
						result.add(code);
					}
				}
				if (result.isEmpty() && column.requiredOfEveryRow()) {
					problems.add(new Rejection(line, name, text, "exchange.reason.required"));
					return null;
				}
				return List.copyOf(result);
			}
			case DATE: {
				LocalDate date = date(text);
				if (date == null) {
					problems.add(new Rejection(line, name, text, "exchange.reason.date"));
				}
				return date;
			}
			case INTEGER:
			case YEAR: {
				BigDecimal number = number(text);
				if (number == null || number.stripTrailingZeros().scale() > 0) {
					problems.add(new Rejection(line, name, text, "exchange.reason.integer"));
					return null;
				}
				if (number.compareTo(column.min()) < 0 || number.compareTo(column.max()) > 0) {
					problems.add(new Rejection(line, name, text, "exchange.reason.range", column.min().toPlainString(),
							column.max().toPlainString()));
					return null;
				}
				return number.longValueExact();
			}
			case DECIMAL: {
				BigDecimal number = number(text);
				if (number == null) {
					problems.add(new Rejection(line, name, text, "exchange.reason.decimal"));
					return null;
				}
				if (number.compareTo(column.min()) < 0 || number.compareTo(column.max()) > 0) {
					problems.add(new Rejection(line, name, text, "exchange.reason.range", column.min().toPlainString(),
							column.max().toPlainString()));
					return null;
				}
				return number;
			}
			case BOOLEAN: {
				String lower = text.toLowerCase(Locale.ROOT);
				if (lower.equals("true") || lower.equals("1")) {
					return Boolean.TRUE;
				}
				if (lower.equals("false") || lower.equals("0")) {
					return Boolean.FALSE;
				}
				problems.add(new Rejection(line, name, text, "exchange.reason.boolean"));
				return null;
			}
			case IIN: {
				var problem = Iin.problem(text);
				if (problem.isPresent()) {
					problems.add(new Rejection(line, name, text, "validation.iin." + problem.get().name()));
					return null;
				}
				return text;
			}
			case DIGITS: {
				if (text.length() != 12 || !text.chars().allMatch(Character::isDigit)) {
					problems.add(new Rejection(line, name, text, "validation.iin.FORMAT"));
					return null;
				}
				return text;
			}
			case SERVICES:
				return services(line, column, codes, text, problems);
			case PLACE_CODE: {
				String code = Codes.place(text).orElse(null);
				if (code == null) {
					problems.add(new Rejection(line, name, text, "validation.organisation.code"));
				}
				return code;
			}
			default:
				throw new IllegalStateException(column.kind().name());
		}
	}

	private static Map<String, BigDecimal> services(long line, Column column, Set<String> codes, String text,
			List<Rejection> problems) {
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		for (String part : text.split("\\|")) {
			if (part.isBlank()) {
				continue;
			}
			int colon = part.indexOf(':');
			String code = colon < 0 ? part.strip().toUpperCase(Locale.ROOT)
					: part.substring(0, colon).strip().toUpperCase(Locale.ROOT);
			BigDecimal hours = colon < 0 ? null : number(part.substring(colon + 1).strip());
			if (!codes.contains(code) || hours == null || result.containsKey(code)) {
				problems.add(new Rejection(line, column.name(), text, "exchange.reason.services", allowed(column)));
				return null;
			}
			if (hours.compareTo(column.min()) < 0 || hours.compareTo(column.max()) > 0) {
				problems.add(new Rejection(line, column.name(), text, "exchange.reason.range",
						column.min().toPlainString(), column.max().toPlainString()));
				return null;
			}
			result.put(code, hours);
		}
		return result;
	}

	private static String allowed(Column column) {
		return String.join(", ", column.codes());
	}

	static LocalDate date(String text) {
		try {
			if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
				return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
			}
			if (text.length() == 10 && text.charAt(2) == '.' && text.charAt(5) == '.') {
				return LocalDate.of(digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2));
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new NumberFormatException(text);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static BigDecimal number(String text) {
		return Decimals.parse(text);
	}

}
