package org.barshaga.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.barshaga.kernel.Sex;

/**
 * The end of the school year for every pupil still at school after October: the next
 * year's enrolment extract (a grade up, a few repeating), completers of grades 9 and 11
 * with their destinations in the leavers file, and a few who vanish with no record. Drawn
 * from a stream of its own, so every other file is that of a run without it. Learners
 * with SEN whose support was not delivered vanish more often and move on less often after
 * grades 9 and 11, so that the dropout and transition indicators show a pattern
 * (docs/data-exchange.md, "Generator: the year's end").
 */
final class YearEnd {

	/** Pupils who are in no school's next extract and have no leaving record. */
	static final double VANISHED = 0.002, VANISHED_SEN_UNSUPPORTED = 4, VANISHED_SEN_SUPPORTED = 1.5;

	/** Pupils repeating their grade. */
	static final double REPEAT = 0.004;

	/**
	 * Those completing grade 9 who continue (to grade 10 or college, a few to work):
	 * peers, learners with SEN whose support was delivered (or who had no hours to
	 * deliver), and those whose support was not.
	 */
	static final double AFTER_9_PEER = 0.93, AFTER_9_SEN_SUPPORTED = 0.85, AFTER_9_SEN_UNSUPPORTED = 0.6;

	/** Of those continuing after grade 9, the share in grade 10 of their school. */
	static final double GRADE_10_PEER = 0.55, GRADE_10_SEN = 0.35;

	/** Those completing grade 11 who go on to university, college or work. */
	static final double AFTER_11_PEER = 0.85, AFTER_11_SEN_SUPPORTED = 0.7, AFTER_11_SEN_UNSUPPORTED = 0.45;

	/** The last grade of the extract: completing it ends school. */
	static final int LAST_GRADE = 11;

	private final Output out;

	private final SplittableRandom draws;

	private final int year;

	YearEnd(Output out, SplittableRandom draws, int year) {
		this.out = out;
		this.draws = draws;
		this.year = year;
	}

	/**
	 * A pupil who stayed through October: a category of -1 is a peer; delivered is the
	 * share of the recommended hours delivered, negative when none are recommended.
	 * Answers the pupil's grade in the next extract, or -1 when not in it.
	 */
	int pupil(String schoolCode, String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex,
			int grade, String language, int category, double delivered) {
		boolean sen = category >= 0;
		boolean unsupported = sen && delivered >= 0 && delivered < TermOutcomes.DELIVERED;
		if (grade >= LAST_GRADE) {
			double further = !sen ? AFTER_11_PEER : unsupported ? AFTER_11_SEN_UNSUPPORTED : AFTER_11_SEN_SUPPORTED;
			leaver(iin, schoolCode, "COMPLETED_GRADE_11", draws.nextDouble() < further
					? pick("UNIVERSITY", "COLLEGE", "EMPLOYMENT") : pick("AT_HOME", "UNKNOWN"));
			return -1;
		}
		double vanished = VANISHED * (!sen ? 1 : unsupported ? VANISHED_SEN_UNSUPPORTED : VANISHED_SEN_SUPPORTED);
		if (draws.nextDouble() < vanished) {
			return -1;
		}
		if (grade == 9 && draws.nextDouble() >= REPEAT) {
			double onwards = !sen ? AFTER_9_PEER : unsupported ? AFTER_9_SEN_UNSUPPORTED : AFTER_9_SEN_SUPPORTED;
			if (draws.nextDouble() >= onwards) {
				leaver(iin, schoolCode, "COMPLETED_GRADE_9", pick("AT_HOME", "UNKNOWN"));
				return -1;
			}
			if (draws.nextDouble() < (sen ? GRADE_10_SEN : GRADE_10_PEER)) {
				next(schoolCode, iin, surname, given, patronymic, birth, sex, 10, language);
				return 10;
			}
			leaver(iin, schoolCode, "COMPLETED_GRADE_9", draws.nextDouble() < 0.9 ? "COLLEGE" : "EMPLOYMENT");
			return -1;
		}
		int nextGrade = grade == 9 || draws.nextDouble() < REPEAT ? grade : grade + 1;
		next(schoolCode, iin, surname, given, patronymic, birth, sex, nextGrade, language);
		return nextGrade;
	}

	private void next(String schoolCode, String iin, String surname, String given, String patronymic, LocalDate birth,
			Sex sex, int grade, String language) {
		out.enrolmentNext.number(year + 1)
			.text(iin)
			.text(surname)
			.text(given)
			.text(patronymic)
			.date(birth)
			.text(sex.name())
			.text(schoolCode)
			.number(grade)
			.text(language)
			.endRow();
	}

	/**
	 * Completions are dated in June, after the last term and before the next census day.
	 */
	private void leaver(String iin, String schoolCode, String reason, String destination) {
		out.leavers.text(iin)
			.text(schoolCode)
			.date(LocalDate.of(year + 1, 6, 1 + draws.nextInt(20)))
			.text(reason)
			.text(destination)
			.endRow();
	}

	private String pick(String... values) {
		return values[draws.nextInt(values.length)];
	}

}
