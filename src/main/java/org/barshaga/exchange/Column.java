package org.barshaga.exchange;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a file layout: its English header name, what it holds and whether a row
 * needs it. The same definition validates imports, writes exports and builds templates. A
 * health column ({@link #health()}) is given out and taken in only for the children whose
 * health fields the user sees ({@link HealthSight}); its register's writer, not the
 * parser, asks for it when it is required.
 */
record Column(String name, Kind kind, boolean required, int maxLength, List<String> codes, BigDecimal min,
		BigDecimal max, String labelPrefix, boolean health) {

	enum Kind {

		TEXT, NAME, REGISTER_NAME, CODE, CODES, DATE, INTEGER, DECIMAL, BOOLEAN, IIN, DIGITS, YEAR, SERVICES, PLACE_CODE

	}

	/** This column as a health field of a child. */
	Column asHealth() {
		return new Column(name, kind, required, maxLength, codes, min, max, labelPrefix, true);
	}

	/** Whether the parser itself refuses a row without this column's value. */
	boolean requiredOfEveryRow() {
		return required && !health;
	}

	static Column text(String name, boolean required, int maxLength) {
		return new Column(name, Kind.TEXT, required, maxLength, List.of(), null, null, null, false);
	}

	/**
	 * A person's name: text under the rule of {@link org.barshaga.kernel.PersonNames}.
	 */
	static Column name(String name, boolean required, int maxLength) {
		return new Column(name, Kind.NAME, required, maxLength, List.of(), null, null, null, false);
	}

	/**
	 * A name as another register holds it (the enrolment extract, the health registry):
	 * control and invisible characters are refused, but a word that mixes alphabets is
	 * kept, because half-transliterated names are that register's own typing errors,
	 * which linkage folds; refusing the row would drop the child from reconciliation.
	 */
	static Column registerName(String name, boolean required, int maxLength) {
		return new Column(name, Kind.REGISTER_NAME, required, maxLength, List.of(), null, null, null, false);
	}

	/**
	 * The code of an organisation or administrative unit, checked by the one rule for
	 * such codes ({@link org.barshaga.kernel.Codes}).
	 */
	static Column placeCode(String name, boolean required) {
		return new Column(name, Kind.PLACE_CODE, required, 40, List.of(), null, null, null, false);
	}

	static Column code(String name, boolean required, Class<? extends Enum<?>> codes) {
		return new Column(name, Kind.CODE, required, 40, names(codes), null, null, labelPrefix(codes), false);
	}

	static Column code(String name, boolean required, List<String> codes, String labelPrefix) {
		return new Column(name, Kind.CODE, required, 40, codes, null, null, labelPrefix, false);
	}

	static Column codes(String name, boolean required, Class<? extends Enum<?>> codes) {
		return new Column(name, Kind.CODES, required, 400, names(codes), null, null, labelPrefix(codes), false);
	}

	static Column date(String name, boolean required) {
		return new Column(name, Kind.DATE, required, 10, List.of(), null, null, null, false);
	}

	static Column integer(String name, boolean required, long min, long max) {
		return new Column(name, Kind.INTEGER, required, 12, List.of(), BigDecimal.valueOf(min), BigDecimal.valueOf(max),
				null, false);
	}

	static Column decimal(String name, boolean required, String min, String max) {
		return new Column(name, Kind.DECIMAL, required, 12, List.of(), new BigDecimal(min), new BigDecimal(max), null,
				false);
	}

	static Column bool(String name, boolean required) {
		return new Column(name, Kind.BOOLEAN, required, 5, List.of(), null, null, null, false);
	}

	static Column iin(String name) {
		return new Column(name, Kind.IIN, true, 12, List.of(), null, null, null, false);
	}

	/** Twelve digits as received, not checked against the check digit. */
	static Column digits(String name) {
		return new Column(name, Kind.DIGITS, false, 12, List.of(), null, null, null, false);
	}

	static Column year(String name) {
		return new Column(name, Kind.YEAR, true, 4, List.of(), BigDecimal.valueOf(2000), BigDecimal.valueOf(2100), null,
				false);
	}

	static Column services(String name, Class<? extends Enum<?>> specialists) {
		return new Column(name, Kind.SERVICES, false, 400, names(specialists), BigDecimal.valueOf(0.5),
				BigDecimal.valueOf(40), labelPrefix(specialists), false);
	}

	/**
	 * The message prefix of a code list's labels: the enumeration's own
	 * {@code messageKey()} when it has one, otherwise the shared {@code code.Type.}
	 * convention.
	 */
	static String labelPrefix(Class<? extends Enum<?>> type) {
		Enum<?> first = type.getEnumConstants()[0];
		try {
			String key = (String) type.getMethod("messageKey").invoke(first);
			return key.substring(0, key.length() - first.name().length());
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			return "code." + type.getSimpleName() + ".";
		}
	}

	static List<String> names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
