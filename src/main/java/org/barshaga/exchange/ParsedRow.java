package org.barshaga.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A row whose cells are converted to values of their columns' kinds. */
final class ParsedRow {

	private final long line;

	private final Object[] values;

	private final String[] raw;

	ParsedRow(long line, Object[] values, String[] raw) {
		this.line = line;
		this.values = values;
		this.raw = raw;
	}

	long line() {
		return line;
	}

	String text(int column) {
		return (String) values[column];
	}

	String raw(int column) {
		return raw[column];
	}

	LocalDate date(int column) {
		return (LocalDate) values[column];
	}

	Integer integer(int column) {
		return values[column] == null ? null : ((Number) values[column]).intValue();
	}

	BigDecimal decimal(int column) {
		return (BigDecimal) values[column];
	}

	Boolean bool(int column) {
		return (Boolean) values[column];
	}

	@SuppressWarnings("unchecked")
	List<String> codes(int column) {
		return values[column] == null ? List.of() : (List<String>) values[column];
	}

	@SuppressWarnings("unchecked")
	Map<String, BigDecimal> services(int column) {
		return values[column] == null ? Map.of() : (Map<String, BigDecimal>) values[column];
	}

	Object value(int column) {
		return values[column];
	}

}
