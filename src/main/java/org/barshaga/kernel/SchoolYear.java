package org.barshaga.kernel;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A school year, named by the calendar year it starts in (2026 is 2026-2027). It runs
 * from 1 September to 31 May in four terms; the term ends are those of Kazakhstan's
 * general schools (end of October, end of December, around 20 March, end of May).
 */
public record SchoolYear(int startYear) {

	/** Days after a term ends within which its plan review is still on time. */
	public static final int REVIEW_GRACE_DAYS = 14;

	public static SchoolYear of(LocalDate date) {
		return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
	}

	public LocalDate start() {
		return LocalDate.of(startYear, Month.SEPTEMBER, 1);
	}

	/** A child's age in full years on the first day of this school year, 1 September. */
	public int ageAtStart(LocalDate birthDate) {
		return Period.between(birthDate, start()).getYears();
	}

	/** The census day of the year's statistical returns: 1 October. */
	public LocalDate census() {
		return LocalDate.of(startYear, Month.OCTOBER, 1);
	}

	public LocalDate end() {
		return LocalDate.of(startYear + 1, Month.MAY, 31);
	}

	public LocalDate termEnd(int term) {
		return switch (term) {
			case 1 -> LocalDate.of(startYear, Month.OCTOBER, 31);
			case 2 -> LocalDate.of(startYear, Month.DECEMBER, 28);
			case 3 -> LocalDate.of(startYear + 1, Month.MARCH, 20);
			case 4 -> LocalDate.of(startYear + 1, Month.MAY, 25);
			default -> throw new IllegalArgumentException("A school year has terms 1 to 4: " + term);
		};
	}

	/** The terms whose review is overdue on the given day. */
	public List<Integer> termsDueForReview(LocalDate today) {
		List<Integer> due = new ArrayList<>();
		for (int term = 1; term <= 4; term++) {
			if (termEnd(term).plusDays(REVIEW_GRACE_DAYS).isBefore(today)) {
				due.add(term);
			}
		}
		return due;
	}

	/**
	 * The last complete teaching month of this school year before today, in which
	 * delivered support is compared with the recommended; none before the year's first
	 * month ends.
	 */
	public java.time.YearMonth referenceMonth(LocalDate today) {
		java.time.YearMonth last = java.time.YearMonth.from(today).minusMonths(1);
		java.time.YearMonth yearsLast = java.time.YearMonth.of(startYear + 1, Month.MAY);
		java.time.YearMonth month = last.isAfter(yearsLast) ? yearsLast : last;
		while (!isSchoolMonth(month)) {
			month = month.minusMonths(1);
		}
		return month.isBefore(java.time.YearMonth.of(startYear, Month.SEPTEMBER)) ? null : month;
	}

	/** The weekdays of a month divided by five: its weeks of teaching. */
	public static double teachingWeeks(java.time.YearMonth month) {
		int weekdays = 0;
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
				weekdays++;
			}
		}
		return weekdays / 5.0;
	}

	/** Whether the month is taught: June, July and August are holidays. */
	public static boolean isSchoolMonth(java.time.YearMonth month) {
		Month m = month.getMonth();
		return m != Month.JUNE && m != Month.JULY && m != Month.AUGUST;
	}

	public String label() {
		return startYear + "–" + (startYear + 1);
	}

}
