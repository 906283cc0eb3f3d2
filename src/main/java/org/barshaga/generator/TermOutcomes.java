package org.barshaga.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.barshaga.kernel.CurriculumSubject;

/**
 * The first term's outcomes of every pupil: results by subject, attendance, and the few
 * who leave school in October, after the census day. Drawn from a stream of its own, so
 * that the other files are those of a run without outcomes. A pupil's percentage is the
 * school's level, plus their own ability, plus a gap for a learner with SEN that depends
 * on the category and shrinks when the support the conclusion recommends is delivered
 * (docs/data-exchange.md, "Generator: outcomes").
 */
final class TermOutcomes {

	/** The mean term percentage of pupils without SEN in an average school. */
	static final double PEER_MEAN = 68;

	/** Spread of school levels, of pupils' ability and of one subject's result. */
	static final double SCHOOL_SD = 6, ABILITY_SD = 12, SUBJECT_SD = 7;

	/**
	 * The gap in percentage points of a learner with SEN of each category (in the order
	 * of {@link PmpcConclusions#CATEGORIES}) who receives no support.
	 */
	static final double[] CATEGORY_GAP = { 8, 16, 26, 14, 5, 10, 7, 12, 6, 24 };

	/** The share of recommended hours that counts as support delivered. */
	static final double DELIVERED = 0.8;

	/**
	 * The share of the gap that remains with support delivered; below it the gap shrinks
	 * with the share delivered, to {@link #BELOW_DELIVERED_FLOOR} just under 80%.
	 */
	static final double GAP_WHEN_DELIVERED = 0.25, BELOW_DELIVERED_FLOOR = 0.6;

	/** The gap's share for a learner whose conclusion recommends no hours. */
	static final double GAP_WITHOUT_SERVICES = 0.5;

	/** Days absent in the term with and without a valid reason, mean of a peer. */
	static final double EXCUSED_MEAN = 2.2, UNEXCUSED_MEAN = 0.6;

	/**
	 * How much more a learner with SEN is absent: with a valid reason (more for somatic
	 * illness and multiple disorders), and without one when support is not delivered.
	 */
	static final double SEN_EXCUSED_FACTOR = 1.8, SOMATIC_EXCUSED_FACTOR = 3, UNSUPPORTED_UNEXCUSED_FACTOR = 2.5;

	/**
	 * Leaving in October, per pupil: dropout (a learner with SEN without support
	 * delivered five times as often, with it twice), transfer, moving abroad, death.
	 */
	static final double DROPOUT = 0.0008, DROPOUT_SEN_UNSUPPORTED = 5, DROPOUT_SEN_SUPPORTED = 2, TRANSFER = 0.004,
			MOVED_ABROAD = 0.0005, DEATH = 0.00002;

	private static final String[] DESTINATIONS = { "AT_HOME", "EMPLOYMENT", "COLLEGE", "UNKNOWN" };

	private static final int SOMATIC = 8, MULTIPLE = 9;

	private final Output out;

	private final SplittableRandom draws;

	private final int year;

	private final int schoolDays;

	private final Map<String, Double> schoolLevels = new HashMap<>();

	private long results;

	TermOutcomes(Output out, SplittableRandom draws, int year) {
		this.out = out;
		this.draws = draws;
		this.year = year;
		this.schoolDays = schoolDays(year);
	}

	long results() {
		return results;
	}

	/**
	 * Writes the pupil's term: a learner with SEN has a category index and the share of
	 * their recommended hours delivered (negative when none are recommended); a peer has
	 * a category of -1. False when the pupil left school in October.
	 */
	boolean pupil(String schoolCode, String iin, int grade, String language, int category, double delivered) {
		double level = schoolLevels.computeIfAbsent(schoolCode, c -> SCHOOL_SD * draws.nextGaussian());
		boolean sen = category >= 0;
		boolean supported = sen && delivered >= DELIVERED;
		if (leaves(iin, schoolCode, grade, sen, supported)) {
			return false;
		}
		int excused = poisson(EXCUSED_MEAN * (sen
				? (category == SOMATIC || category == MULTIPLE ? SOMATIC_EXCUSED_FACTOR : SEN_EXCUSED_FACTOR) : 1));
		int unexcused = poisson(UNEXCUSED_MEAN * (sen && !supported ? UNSUPPORTED_UNEXCUSED_FACTOR : 1));
		excused = Math.min(excused, schoolDays);
		unexcused = Math.min(unexcused, schoolDays - excused);
		out.attendance.number(year).number(1).text(iin).number(schoolDays).number(excused).number(unexcused).endRow();
		if (grade < 2) {
			// grade 1 gets no marks, and the pre-school class no assessment
			return true;
		}
		double mean = PEER_MEAN + level + ABILITY_SD * draws.nextGaussian() - (sen ? gap(category, delivered) : 0);
		for (CurriculumSubject subject : subjects(grade, language)) {
			double percentage = Math.max(0, Math.min(100, mean + SUBJECT_SD * draws.nextGaussian()));
			out.results.number(year)
				.number(1)
				.text(iin)
				.text(subject.name())
				.text(String.format(Locale.ROOT, "%.1f", percentage))
				.empty()
				.endRow();
			results++;
		}
		return true;
	}

	/** The gap of a learner with SEN, in points, after the support delivered. */
	static double gap(int category, double delivered) {
		double full = CATEGORY_GAP[category];
		if (delivered < 0) {
			return full * GAP_WITHOUT_SERVICES;
		}
		if (delivered >= DELIVERED) {
			return full * GAP_WHEN_DELIVERED;
		}
		return full * (1 - (1 - BELOW_DELIVERED_FLOOR) * delivered / DELIVERED);
	}

	private boolean leaves(String iin, String schoolCode, int grade, boolean sen, boolean supported) {
		double dropout = DROPOUT * (sen ? (supported ? DROPOUT_SEN_SUPPORTED : DROPOUT_SEN_UNSUPPORTED) : 1);
		double draw = draws.nextDouble();
		String reason;
		String destination = null;
		if (draw < dropout) {
			reason = "DROPOUT";
			destination = grade >= 9 ? DESTINATIONS[draws.nextInt(DESTINATIONS.length)] : "AT_HOME";
		}
		else if ((draw -= dropout) < TRANSFER) {
			reason = "TRANSFER";
		}
		else if ((draw -= TRANSFER) < MOVED_ABROAD) {
			reason = "MOVED_ABROAD";
		}
		else if (draw - MOVED_ABROAD < DEATH) {
			reason = "DEATH";
		}
		else {
			return false;
		}
		// after the census day of 1 October, so that the extract holds the pupil
		out.leavers.text(iin)
			.text(schoolCode)
			.date(LocalDate.of(year, 10, 2 + draws.nextInt(30)))
			.text(reason)
			.text(destination)
			.endRow();
		return true;
	}

	/**
	 * About eight assessed subjects of a grade, in the pupil's language of instruction.
	 */
	static CurriculumSubject[] subjects(int grade, String language) {
		CurriculumSubject own = switch (language) {
			case "KK" -> CurriculumSubject.KAZAKH_LANGUAGE;
			case "RU" -> CurriculumSubject.RUSSIAN_LANGUAGE;
			default -> CurriculumSubject.NATIVE_LANGUAGE;
		};
		CurriculumSubject literature = switch (language) {
			case "KK" -> CurriculumSubject.KAZAKH_LITERATURE;
			case "RU" -> CurriculumSubject.RUSSIAN_LITERATURE;
			default -> CurriculumSubject.NATIVE_LITERATURE;
		};
		CurriculumSubject second = "KK".equals(language) ? CurriculumSubject.RUSSIAN_LANGUAGE
				: CurriculumSubject.KAZAKH_LANGUAGE;
		if (grade <= 4) {
			return new CurriculumSubject[] { own, CurriculumSubject.LITERARY_READING, second,
					CurriculumSubject.FOREIGN_LANGUAGE, CurriculumSubject.MATHEMATICS,
					CurriculumSubject.NATURAL_SCIENCE, CurriculumSubject.KNOWING_THE_WORLD,
					CurriculumSubject.ART_AND_WORK };
		}
		if (grade <= 6) {
			return new CurriculumSubject[] { own, literature, second, CurriculumSubject.FOREIGN_LANGUAGE,
					CurriculumSubject.MATHEMATICS, CurriculumSubject.NATURAL_SCIENCE,
					CurriculumSubject.HISTORY_OF_KAZAKHSTAN, CurriculumSubject.INFORMATICS };
		}
		return new CurriculumSubject[] { own, literature, CurriculumSubject.FOREIGN_LANGUAGE, CurriculumSubject.ALGEBRA,
				CurriculumSubject.GEOMETRY, CurriculumSubject.PHYSICS,
				grade <= 9 ? CurriculumSubject.BIOLOGY : CurriculumSubject.CHEMISTRY,
				CurriculumSubject.HISTORY_OF_KAZAKHSTAN };
	}

	/** Weekdays of the first term: 1 September to 31 October. */
	static int schoolDays(int year) {
		int days = 0;
		for (LocalDate day = LocalDate.of(year, 9, 1); day.getMonthValue() <= 10; day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

	private int poisson(double mean) {
		double limit = Math.exp(-mean);
		double product = draws.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= draws.nextDouble();
			count++;
		}
		return count;
	}

}
