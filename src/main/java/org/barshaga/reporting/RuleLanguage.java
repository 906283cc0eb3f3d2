package org.barshaga.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Filter;
import org.barshaga.indicators.Measure;
import org.barshaga.kernel.InvalidInputException;

/**
 * Reads one side of a rule:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := '-' factor | number | MEASURE filters? | '(' expression ')'
 * filters    := '[' DIMENSION '=' VALUE ('|' VALUE)* (';' DIMENSION '=' ...)* ']'
 * </pre>
 *
 * The signs ×, ÷ and − are read as *, / and -. A problem is reported against the form's
 * field with the position (from 1) where reading stopped, in the user's language.
 */
final class RuleLanguage {

	static final int MAX_LENGTH = 1000;

	private final String text;

	private final String field;

	private int position;

	private RuleLanguage(String text, String field) {
		this.text = text;
		this.field = field;
	}

	/** Reads a side, or throws its first problem against the field. */
	static Expression parse(String text, String field) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "validation.rule.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw InvalidInputException.of(field, "validation.tooLong", MAX_LENGTH);
		}
		RuleLanguage reader = new RuleLanguage(text, field);
		Expression expression = reader.expression();
		reader.skipSpaces();
		if (reader.position < text.length()) {
			throw reader.unexpected();
		}
		return expression;
	}

	private Expression expression() {
		Expression left = term();
		while (true) {
			skipSpaces();
			char operator = operatorAt();
			if (operator != '+' && operator != '-') {
				return left;
			}
			position++;
			left = new Expression.Arithmetic(operator, left, term());
		}
	}

	private Expression term() {
		Expression left = factor();
		while (true) {
			skipSpaces();
			char operator = operatorAt();
			if (operator != '*' && operator != '/') {
				return left;
			}
			int at = position;
			position++;
			Expression right = factor();
			if (operator == '/' && isConstantZero(right)) {
				throw InvalidInputException.of(field, "validation.rule.divisionByZero", at + 1);
			}
			left = new Expression.Arithmetic(operator, left, right);
		}
	}

	private Expression factor() {
		skipSpaces();
		if (position >= text.length()) {
			throw InvalidInputException.of(field, "validation.rule.end", position + 1);
		}
		char c = text.charAt(position);
		if (operatorAt() == '-') {
			position++;
			return new Expression.Negation(factor());
		}
		if (c == '(') {
			int opened = position;
			position++;
			Expression inner = expression();
			skipSpaces();
			if (position >= text.length()) {
				throw InvalidInputException.of(field, "validation.rule.unclosed", opened + 1);
			}
			if (text.charAt(position) != ')') {
				throw unexpected();
			}
			position++;
			return inner;
		}
		if (Character.isDigit(c) || c == '.') {
			return number();
		}
		if (Character.isLetter(c) || c == '_') {
			return measure();
		}
		throw unexpected();
	}

	private Expression number() {
		int start = position;
		while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
			position++;
		}
		String digits = text.substring(start, position);
		if (digits.indexOf('.') != digits.lastIndexOf('.') || digits.equals(".") || digits.endsWith(".")) {
			throw InvalidInputException.of(field, "validation.rule.number", digits, start + 1);
		}
		return new Expression.Constant(Double.parseDouble(digits));
	}

	private Expression measure() {
		int start = position;
		String name = word();
		Measure measure = null;
		for (Measure candidate : Measure.values()) {
			if (candidate.name().equals(name.toUpperCase(Locale.ROOT))) {
				measure = candidate;
			}
		}
		if (measure == null) {
			throw InvalidInputException.of(field, "validation.rule.measure", name, start + 1);
		}
		skipSpaces();
		List<Filter> filters = new ArrayList<>();
		if (position < text.length() && text.charAt(position) == '[') {
			position++;
			do {
				filters.add(filter(measure));
				skipSpaces();
			}
			while (accept(';'));
			if (!accept(']')) {
				throw position >= text.length() ? InvalidInputException.of(field, "validation.rule.end", position + 1)
						: unexpected();
			}
		}
		return new Expression.Term(measure, filters);
	}

	private Filter filter(Measure measure) {
		skipSpaces();
		int start = position;
		String name = word().toUpperCase(Locale.ROOT);
		Dimension dimension = null;
		for (Dimension candidate : Dimension.values()) {
			if (candidate.name().equals(name)) {
				dimension = candidate;
			}
		}
		if (dimension == null || !measure.dimensions().contains(dimension)) {
			throw InvalidInputException.of(field, "validation.rule.dimension", name.isEmpty() ? "?" : name,
					measure.name(), start + 1);
		}
		skipSpaces();
		if (!accept('=')) {
			throw position >= text.length() ? InvalidInputException.of(field, "validation.rule.end", position + 1)
					: unexpected();
		}
		Set<String> values = new LinkedHashSet<>();
		do {
			skipSpaces();
			int at = position;
			String value = word().toUpperCase(Locale.ROOT);
			if (dimension.index(value) < 0) {
				throw InvalidInputException.of(field, "validation.rule.value", value.isEmpty() ? "?" : value,
						dimension.name(), at + 1);
			}
			values.add(value);
			skipSpaces();
		}
		while (accept('|'));
		return new Filter(dimension, values);
	}

	private String word() {
		int start = position;
		while (position < text.length()
				&& (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
			position++;
		}
		return text.substring(start, position);
	}

	private boolean accept(char expected) {
		if (position < text.length() && text.charAt(position) == expected) {
			position++;
			return true;
		}
		return false;
	}

	/** The arithmetic sign at the position, its typographic forms read as ASCII. */
	private char operatorAt() {
		if (position >= text.length()) {
			return 0;
		}
		return switch (text.charAt(position)) {
			case '+' -> '+';
			case '-', '−', '–' -> '-';
			case '*', '×', '·' -> '*';
			case '/', '÷' -> '/';
			default -> 0;
		};
	}

	private void skipSpaces() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	private InvalidInputException unexpected() {
		int end = position + 1;
		while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
				&& Character.isLetterOrDigit(text.charAt(position))) {
			end++;
		}
		return InvalidInputException.of(field, "validation.rule.syntax", text.substring(position, end), position + 1);
	}

	/** A side without measures that comes to zero: dividing by it is never meant. */
	private static boolean isConstantZero(Expression expression) {
		boolean[] named = new boolean[1];
		expression.terms(term -> named[0] = true);
		if (named[0]) {
			return false;
		}
		Double value = expression.evaluate(term -> 0);
		return value == null || Math.abs(value) < Expression.TOLERANCE;
	}

}
