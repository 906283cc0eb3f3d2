package org.barshaga.reporting;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.barshaga.indicators.Filter;
import org.barshaga.indicators.Measure;

/**
 * One side of a validation rule: constants and measures (perhaps kept by dimension
 * filters) joined by + − × ÷ and parentheses. It evaluates to a number, or to none where
 * it divides by a figure that is zero.
 */
sealed interface Expression {

	/**
	 * Differences below this are rounding, not disagreement (figures of FTE and hours).
	 */
	double TOLERANCE = 1e-9;

	/** Where the figures of the measures come from: one school's. */
	interface Figures {

		double value(Term term);

	}

	/**
	 * @return the value, or null where a division by a zero figure leaves none
	 */
	Double evaluate(Figures figures);

	/** The expression written the way the parser reads it back. */
	String text();

	/** Every measure the expression names, in order. */
	default void terms(Consumer<Term> each) {
		if (this instanceof Term term) {
			each.accept(term);
		}
		else if (this instanceof Negation negation) {
			negation.operand().terms(each);
		}
		else if (this instanceof Arithmetic arithmetic) {
			arithmetic.left().terms(each);
			arithmetic.right().terms(each);
		}
	}

	record Constant(double value) implements Expression {

		@Override
		public Double evaluate(Figures figures) {
			return value;
		}

		@Override
		public String text() {
			return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
					: java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

	/** A measure, summed over the facts that every filter keeps. */
	record Term(Measure measure, List<Filter> filters) implements Expression {

		public Term {
			filters = List.copyOf(filters);
		}

		@Override
		public Double evaluate(Figures figures) {
			return figures.value(this);
		}

		@Override
		public String text() {
			if (filters.isEmpty()) {
				return measure.name();
			}
			return measure.name() + filters.stream()
				.map(f -> f.dimension().name() + "="
						+ f.dimension().codes().stream().filter(f.values()::contains).collect(Collectors.joining("|")))
				.collect(Collectors.joining(";", "[", "]"));
		}

	}

	record Negation(Expression operand) implements Expression {

		@Override
		public Double evaluate(Figures figures) {
			Double value = operand.evaluate(figures);
			return value == null ? null : -value;
		}

		@Override
		public String text() {
			return "-" + (operand instanceof Arithmetic ? "(" + operand.text() + ")" : operand.text());
		}

	}

	record Arithmetic(char operator, Expression left, Expression right) implements Expression {

		static final Set<Character> OPERATORS = Set.of('+', '-', '*', '/');

		@Override
		public Double evaluate(Figures figures) {
			Double a = left.evaluate(figures);
			Double b = right.evaluate(figures);
			if (a == null || b == null) {
				return null;
			}
			return switch (operator) {
				case '+' -> a + b;
				case '-' -> a - b;
				case '*' -> a * b;
				default -> Math.abs(b) < TOLERANCE ? null : a / b;
			};
		}

		@Override
		public String text() {
			return side(left, false) + " " + operator + " " + side(right, true);
		}

		private String side(Expression side, boolean isRight) {
			if (side instanceof Arithmetic inner && (binds(inner.operator) < binds(operator)
					|| (isRight && binds(inner.operator) == binds(operator)))) {
				return "(" + side.text() + ")";
			}
			return side.text();
		}

		private static int binds(char operator) {
			return operator == '+' || operator == '-' ? 1 : 2;
		}

	}

}
