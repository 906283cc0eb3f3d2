package org.barshaga.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sessions of a learner's first term, about weekly per recommended specialist.
 * September's are drawn from the region's stream and October's from the outcomes' own, so
 * that the files written before outcomes were added stay as they were.
 */
final class FirstTermSessions {

	private static final String[] MISSED = { "ILLNESS", "ABSENT", "SPECIALIST_UNAVAILABLE", "SCHOOL_EVENT" };

	private static final double[] MISSED_WEIGHTS = { 0.55, 0.25, 0.12, 0.08 };

	private final CsvFile sessions;

	private final SplittableRandom random;

	private final SplittableRandom outcomeDraws;

	private final int year;

	private final int[][] septemberWeeks;

	private final int[][] octoberWeeks;

	/** Minutes of the sessions written since last read, those attended only. */
	private long attendedMinutes;

	FirstTermSessions(CsvFile sessions, SplittableRandom random, SplittableRandom outcomeDraws, int schoolYear) {
		this.sessions = sessions;
		this.random = random;
		this.outcomeDraws = outcomeDraws;
		this.year = schoolYear;
		this.septemberWeeks = weeks(LocalDate.of(schoolYear, 9, 2));
		this.octoberWeeks = weeks(LocalDate.of(schoolYear, 10, 1));
	}

	/**
	 * Writes the sessions of the first term by the specialists September has. Answers the
	 * share of the term's recommended hours delivered (attended), or -1 when none are
	 * recommended.
	 */
	double learner(String iin, String[] specialists, int[] halves, int grade, String form) {
		boolean[] held = new boolean[halves.length];
		int recommendedHalves = 0;
		for (int s = 0; s < halves.length; s++) {
			held[s] = halves[s] > 0 && random.nextDouble() >= 0.15;
			recommendedHalves += halves[s];
			if (held[s]) {
				// not held at all otherwise: the school has no such specialist
				sessions(iin, specialists[s], halves[s], grade, form, septemberWeeks, random);
			}
		}
		long minutes = attendedMinutes;
		attendedMinutes = 0;
		for (int s = 0; s < halves.length; s++) {
			if (held[s]) {
				sessions(iin, specialists[s], halves[s], grade, form, octoberWeeks, outcomeDraws);
			}
		}
		minutes += attendedMinutes;
		attendedMinutes = 0;
		if (recommendedHalves == 0) {
			return -1;
		}
		return minutes / 60.0 / (recommendedHalves / 2.0 * TermOutcomes.schoolDays(year) / 5.0);
	}

	private void sessions(String iin, String specialist, int halves, int grade, String form, int[][] weeks,
			SplittableRandom draws) {
		int perWeek = halves >= 4 ? 2 : 1;
		for (int[] week : weeks) {
			int first = week.length <= perWeek ? 0 : draws.nextInt(week.length - perWeek + 1);
			for (int k = 0; k < perWeek && first + k < week.length; k++) {
				LocalDate held = LocalDate.ofEpochDay(week[first + k]);
				boolean attended = draws.nextDouble() < 0.9;
				int minutes = specialist.equals("TEACHER_ASSISTANT") || specialist.equals("TUTOR") ? 45
						: grade <= 4 ? 30 + 5 * draws.nextInt(2) : 40 + 5 * draws.nextInt(2);
				sessions.text(iin)
					.date(held)
					.text(specialist)
					.number(minutes)
					.bool(!form.equals("HOME_BASED") && draws.nextDouble() < 0.25)
					.bool(attended)
					.text(attended ? null : MISSED[RegionDraws.pick(draws, MISSED_WEIGHTS)])
					.endRow();
				if (attended) {
					attendedMinutes += minutes;
				}
			}
		}
	}

	/** The school days of the month from the given day, week by week (epoch days). */
	private static int[][] weeks(LocalDate from) {
		List<int[]> weeks = new ArrayList<>();
		List<Integer> week = new ArrayList<>();
		for (LocalDate day = from; day.getMonth() == from.getMonth(); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY && !week.isEmpty()) {
				weeks.add(week.stream().mapToInt(Integer::intValue).toArray());
				week.clear();
			}
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				week.add((int) day.toEpochDay());
			}
		}
		if (!week.isEmpty()) {
			weeks.add(week.stream().mapToInt(Integer::intValue).toArray());
		}
		weeks.removeIf(w -> w.length == 0);
		return weeks.toArray(int[][]::new);
	}

}
