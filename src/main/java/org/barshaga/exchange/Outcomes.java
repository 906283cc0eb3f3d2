package org.barshaga.exchange;

import java.util.List;

/**
 * What the results and attendance registers share: a row is about a pupil of the same
 * school year's enrolment extract, in the importer's scope, and their files are given out
 * in the scope of the pupil's school that year.
 */
final class Outcomes {

	/**
	 * Joins a row of {@code r} (with {@code iin} as a number and {@code school_year}) to
	 * its pupil of the enrolment extract ({@code e}) and school ({@code o}), ending with
	 * {@code WHERE} for the scope.
	 */
	static final String PUPIL_IN_SCOPE = """
			JOIN enrolment_extract e ON e.school_year = r.school_year
				AND e.iin = LPAD(CAST(r.iin AS VARCHAR(12)), 12, '0')
			JOIN organisation o ON o.id = e.organisation_id
			WHERE""" + " ";

	private Outcomes() {
	}

	/**
	 * The pupil's grade in the row's school year, or {@link EnrolledPupils#NOT_ENROLLED}
	 * after saying the pupil is not in that year's extract, or not in the user's part of
	 * the country.
	 */
	static int enrolled(EnrolledPupils pupils, ParsedRow row, int year, int iin, List<Rejection> problems) {
		int schoolYear = row.integer(year);
		String pupil = row.text(iin);
		int grade = pupils.grade(schoolYear, pupil);
		if (grade == EnrolledPupils.NOT_ENROLLED) {
			problems.add(new Rejection(row.line(), "iin", pupil, pupils.enrolledElsewhere(schoolYear, pupil)
					? "exchange.reason.outOfScope" : "exchange.reason.notEnrolled", String.valueOf(schoolYear)));
		}
		return grade;
	}

}
