package org.barshaga.reporting;

import org.barshaga.kernel.LocalizedName;

/**
 * A version of a rule read into expressions, ready to be checked at one school after
 * another.
 */
record Check(String code, int version, Expression left, Operator operator, Expression right, Importance importance,
		MissingValues missing, LocalizedName message) {

	enum Outcome {

		PASSED, VIOLATED, SKIPPED

	}

	/**
	 * @param left the left side's value, none when it has no figure or cannot be computed
	 */
	record Result(Outcome outcome, Double left, Double right) {
	}

	static Check of(String code, ValidationRule.Version version) {
		return new Check(code, version.version(), RuleLanguage.parse(version.left(), "left"), version.operator(),
				RuleLanguage.parse(version.right(), "right"), version.importance(), version.missing(),
				version.message());
	}

	/**
	 * Checks the rule on one school's figures. A side has no figure when it names
	 * measures and every one of them counts nothing: "both present or both absent"
	 * compares only that; the other operators skip such a school when the rule says so,
	 * and otherwise compare the numbers. A side that divides by a zero figure cannot be
	 * computed, and the school is skipped.
	 */
	Result check(Expression.Figures figures) {
		boolean leftAbsent = absent(left, figures);
		boolean rightAbsent = absent(right, figures);
		Double a = leftAbsent ? null : left.evaluate(figures);
		Double b = rightAbsent ? null : right.evaluate(figures);
		if (operator == Operator.COMPULSORY_PAIR) {
			return new Result(leftAbsent == rightAbsent ? Outcome.PASSED : Outcome.VIOLATED, a, b);
		}
		if (missing == MissingValues.SKIP && (leftAbsent || rightAbsent)) {
			return new Result(Outcome.SKIPPED, a, b);
		}
		a = left.evaluate(figures);
		b = right.evaluate(figures);
		if (a == null || b == null) {
			return new Result(Outcome.SKIPPED, a, b);
		}
		return new Result(operator.holds(a, b) ? Outcome.PASSED : Outcome.VIOLATED, a, b);
	}

	private static boolean absent(Expression side, Expression.Figures figures) {
		boolean[] named = new boolean[1];
		boolean[] counted = new boolean[1];
		side.terms(term -> {
			named[0] = true;
			counted[0] |= figures.value(term) != 0;
		});
		return named[0] && !counted[0];
	}

}
