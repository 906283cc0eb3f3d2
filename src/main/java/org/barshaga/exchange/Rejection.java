package org.barshaga.exchange;

/**
 * Why one row (or one cell of it) was not imported: the line, the column, the value found
 * and the reason as a message key with its arguments.
 */
public record Rejection(long line, String column, String value, String reasonKey, Object... arguments) {

	public Rejection {
		if (value != null && value.length() > 400) {
			value = value.substring(0, 397) + "...";
		}
	}

}
