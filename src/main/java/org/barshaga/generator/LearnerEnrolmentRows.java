package org.barshaga.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The enrolment history of a learner in school: the current enrolment from the first 1
 * September after the conclusion, and for a few a transfer this year from another school
 * of the region. Apart from {@link RegionGenerator} because it is the one place that
 * knows how a class is named and when an enrolment starts.
 */
final class LearnerEnrolmentRows {

	private static final String KAZAKH_CLASS_LETTERS = "АӘБВГ";

	private static final String RUSSIAN_CLASS_LETTERS = "АБВГД";

	/** The current enrolment written: the form provided, the class and the start. */
	record Enrolled(String form, String className, LocalDate startedOn) {
	}

	private final CsvFile learnerEnrolments;

	private final SplittableRandom random;

	private final RegionDraws draws;

	private final int year;

	LearnerEnrolmentRows(CsvFile learnerEnrolments, SplittableRandom random, RegionDraws draws, int schoolYear) {
		this.learnerEnrolments = learnerEnrolments;
		this.random = random;
		this.draws = draws;
		this.year = schoolYear;
	}

	/**
	 * Writes the enrolments of a learner of the school, the schools of the region being
	 * where a transfer may come from. Answers the current enrolment.
	 */
	Enrolled write(Organisation school, List<Organisation> schools, String iin, String language, int grade,
			int parallels, LocalDate concluded, String recommendedForm) {
		// enrolment: from the first 1 September after the conclusion, not before school
		LocalDate started = LocalDate.of(concluded.getYear(), 9, 1);
		if (concluded.isAfter(started)) {
			started = started.plusYears(1);
		}
		LocalDate entered = LocalDate.of(year - grade, 9, 1);
		if (started.isBefore(entered)) {
			started = entered;
		}
		String provided = draws.providedForm(school, recommendedForm);
		String letters = "KK".equals(language) ? KAZAKH_CLASS_LETTERS : RUSSIAN_CLASS_LETTERS;
		String className = grade + String.valueOf(letters.charAt(random.nextInt(parallels)));
		if (grade > 0 && !school.isSpecialSchool() && random.nextDouble() < 0.05) {
			// transferred this year from another school of the region
			Organisation previous = schools.get(random.nextInt(schools.size()));
			LocalDate thisYear = LocalDate.of(year, 9, 1);
			LocalDate earlier = started.isBefore(thisYear) ? started : thisYear.minusYears(1);
			if (previous != school) {
				learnerEnrolments.text(iin)
					.text(previous.code)
					.number(Math.max(0, grade - (year - earlier.getYear())))
					.empty()
					.text(provided)
					.date(earlier)
					.date(year, 5, 31)
					.text("TRANSFER")
					.endRow();
				started = thisYear;
			}
		}
		learnerEnrolments.text(iin)
			.text(school.code)
			.number(grade)
			.text(className)
			.text(provided)
			.date(started)
			.empty()
			.empty()
			.endRow();
		return new Enrolled(provided, className, started);
	}

}
