package org.barshaga.reports;

/**
 * One place in a report's table: the place itself, one of the places below it, or the
 * region or country it is compared with.
 */
public record ReportRow(String code, String name, Role role, Figure numerator, Figure denominator, Figure value,
		boolean suppressed, Bar bar) {

	/** What a row stands for in the table. */
	public enum Role {

		PLACE, CHILD, PARENT, NATION

	}

	public boolean noData() {
		return !suppressed && value == null;
	}

	public boolean child() {
		return role == Role.CHILD;
	}

	public boolean comparison() {
		return role == Role.PARENT || role == Role.NATION;
	}

}
