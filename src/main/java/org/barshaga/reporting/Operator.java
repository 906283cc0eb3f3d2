package org.barshaga.reporting;

import org.barshaga.kernel.Coded;

/**
 * How a rule compares its two sides. {@link #COMPULSORY_PAIR} asks only that both sides
 * have a figure or neither has.
 */
public enum Operator implements Coded {

	EQUAL("="), NOT_EQUAL("≠"), LESS("<"), LESS_OR_EQUAL("≤"), GREATER(">"), GREATER_OR_EQUAL("≥"),
	COMPULSORY_PAIR("⇔");

	private final String symbol;

	Operator(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	boolean holds(double left, double right) {
		int order = Double.compare(left, right);
		if (Math.abs(left - right) < Expression.TOLERANCE) {
			order = 0;
		}
		return switch (this) {
			case EQUAL -> order == 0;
			case NOT_EQUAL -> order != 0;
			case LESS -> order < 0;
			case LESS_OR_EQUAL -> order <= 0;
			case GREATER -> order > 0;
			case GREATER_OR_EQUAL -> order >= 0;
			case COMPULSORY_PAIR -> true;
		};
	}

}
