package org.barshaga.exchange;

import java.time.LocalDate;
import java.util.List;

/** Checks that several registers share: references inside the scope, dates in order. */
final class Checks {

	/**
	 * The column of a person's birth date, in whichever register it appears: the importer
	 * refuses one in the future for every register, before the register's own checks.
	 */
	static final String BIRTH_DATE = "birth_date";

	private Checks() {
	}

	/**
	 * Whether a health cell's value is written. Where the user sees the child's health
	 * fields it is required as its column says; where they may not, a filled cell is
	 * refused, so that a value nobody showed them is never overwritten, and a blank one
	 * leaves what is stored.
	 */
	static boolean healthCell(ParsedRow row, int index, Column column, boolean seen, List<Rejection> problems) {
		boolean filled = !row.raw(index).isEmpty()
				&& (column.kind() != Column.Kind.CODES || !row.codes(index).isEmpty());
		if (filled && !seen) {
			problems.add(new Rejection(row.line(), column.name(), row.raw(index), "exchange.reason.healthHidden",
					column.name()));
		}
		else if (!filled && seen && column.required()) {
			problems.add(new Rejection(row.line(), column.name(), row.raw(index), "exchange.reason.required"));
		}
		return filled && seen;
	}

	/**
	 * The organisation a cell names, or null after saying it is unknown or not the
	 * user's.
	 */
	static References.Organisation organisation(References references, ParsedRow row, int column, String name,
			List<Rejection> problems) {
		String code = row.text(column);
		References.Organisation organisation = references.organisation(code);
		if (organisation == null) {
			problems.add(new Rejection(row.line(), name, code, references.organisationExists(code)
					? "exchange.reason.outOfScope" : "exchange.reason.unknownOrganisation"));
		}
		return organisation;
	}

	/**
	 * The path of the unit a cell names, or null after saying it is unknown or not the
	 * user's.
	 */
	static String unit(References references, ParsedRow row, int column, String name, List<Rejection> problems) {
		String code = row.text(column);
		String path = references.unitPath(code);
		if (path == null) {
			problems.add(new Rejection(row.line(), name, code,
					references.unitExists(code) ? "exchange.reason.outOfScope" : "exchange.reason.unknownUnit"));
		}
		return path;
	}

	/** The learner a row's IIN names, or null after saying there is none in scope. */
	static References.Person learner(References references, ParsedRow row, int column, List<Rejection> problems) {
		References.Person learner = references.learner(row.text(column));
		if (learner == null) {
			problems.add(new Rejection(row.line(), "iin", row.text(column), "exchange.reason.unknownLearner"));
		}
		return learner;
	}

	static void notInFuture(ParsedRow row, int column, String name, LocalDate today, List<Rejection> problems) {
		LocalDate date = row.date(column);
		if (date != null && date.isAfter(today)) {
			problems.add(new Rejection(row.line(), name, row.raw(column), "exchange.reason.future"));
		}
	}

	static void notBefore(ParsedRow row, int later, String laterName, int earlier, String earlierName,
			List<Rejection> problems) {
		LocalDate end = row.date(later);
		LocalDate start = row.date(earlier);
		if (end != null && start != null && end.isBefore(start)) {
			problems
				.add(new Rejection(row.line(), laterName, row.raw(later), "exchange.reason.beforeStart", earlierName));
		}
	}

}
