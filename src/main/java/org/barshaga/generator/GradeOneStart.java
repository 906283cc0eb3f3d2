package org.barshaga.generator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The next school year in the learner register for the learners with SEN of the
 * pre-school class who are in grade 1 of the next extract: the pre-school enrolment ended
 * at the end of May, the grade 1 enrolment from 1 September at the same school (where the
 * next extract has them), and for a few a new conclusion over the summer. Most start
 * grade 1 in the form their conclusion recommends; the others in another form the school
 * provides. Drawn from a stream of its own, so every other file is that of a run without
 * it (docs/data-exchange.md, "Generator: the year's end").
 */
final class GradeOneStart {

	/**
	 * Learners with a new conclusion between 1 June and 25 August, recommending another
	 * form, as a PMPC review at school entry may.
	 */
	static final double NEW_CONCLUSION = 0.08;

	/**
	 * The chance of grade 1 in the recommended form, when the school offers it: for a
	 * learner whose pre-school class was already in that form, or who has a new
	 * conclusion the school arranges for; and for one whose pre-school class was in
	 * another form.
	 */
	static final double IN_FORM_KEPT = 0.85, IN_FORM_OTHERWISE = 0.5;

	/**
	 * Of those recommended an inclusive class but placed otherwise, the share in a
	 * special class; the others are taught at home.
	 */
	static final double SPECIAL_CLASS_INSTEAD = 0.6;

	/** The last day of a school year's enrolment, as for transfers. */
	static final int LAST_MONTH = 5, LAST_DAY = 31;

	/** The pre-school learner as the current year leaves them. */
	record Preschool(String iin, Organisation school, Organisation pmpc, String recommended,
			LearnerEnrolmentRows.Enrolled enrolled, PmpcConclusions.Written conclusion) {
	}

	private final Output out;

	private final SplittableRandom draws;

	private final String regionCode;

	private final int year;

	/** Summer conclusions per PMPC, numbered in the next calendar year. */
	private final Map<String, Integer> sequences = new HashMap<>();

	GradeOneStart(Output out, SplittableRandom draws, String regionCode, int schoolYear) {
		this.out = out;
		this.draws = draws;
		this.regionCode = regionCode;
		this.year = schoolYear;
	}

	/** Writes the learner's next year: they are in grade 1 of the next extract. */
	void learner(Preschool learner) {
		String recommended = learner.recommended();
		boolean concluded = draws.nextDouble() < NEW_CONCLUSION;
		if (concluded) {
			recommended = reviewedForm(recommended, learner.school());
			conclusion(learner, recommended);
		}
		LearnerEnrolmentRows.Enrolled preschool = learner.enrolled();
		double inForm = concluded || preschool.form().equals(recommended) ? IN_FORM_KEPT : IN_FORM_OTHERWISE;
		String form = offered(recommended, learner.school()) && draws.nextDouble() < inForm ? recommended
				: otherForm(recommended, preschool.form(), learner.school());
		out.learnerEnrolmentsNext.text(learner.iin())
			.text(learner.school().code)
			.number(0)
			.text(preschool.className())
			.text(preschool.form())
			.date(preschool.startedOn())
			.date(year + 1, LAST_MONTH, LAST_DAY)
			.text("GRADUATION")
			.endRow();
		// the class moves up together, keeping its letter
		out.learnerEnrolmentsNext.text(learner.iin())
			.text(learner.school().code)
			.number(1)
			.text("1" + preschool.className().substring(1))
			.text(form)
			.date(year + 1, 9, 1)
			.empty()
			.empty()
			.endRow();
	}

	private void conclusion(Preschool learner, String form) {
		Organisation pmpc = learner.pmpc();
		int sequence = sequences.merge(pmpc.code, 1, Integer::sum);
		String number = regionCode.substring(3, 5) + '-' + (pmpc.pmpcOrdinal < 10 ? "0" : "") + pmpc.pmpcOrdinal + '/'
				+ (year + 1) + '/' + sequence;
		LocalDate concluded = LocalDate.of(year + 1, 6, 1).plusDays(draws.nextInt(86));
		PmpcConclusions.Written before = learner.conclusion();
		out.conclusionsNext.text(learner.iin())
			.text(number)
			.date(concluded)
			.text(pmpc.code)
			.text(before.categories())
			.text(before.programme())
			.text(form)
			.text(before.conditions())
			.date(concluded.plusYears(1 + draws.nextInt(3)))
			.text(before.services())
			.endRow();
	}

	/**
	 * The form a summer review recommends instead: an inclusive class, or a special class
	 * for a learner recommended an inclusive one; at a special school, the other of its
	 * two forms.
	 */
	private static String reviewedForm(String recommended, Organisation school) {
		if (school.isSpecialSchool()) {
			return recommended.equals("SPECIAL_SCHOOL") ? "HOME_BASED" : "SPECIAL_SCHOOL";
		}
		return recommended.equals("INCLUSIVE_CLASS") ? "SPECIAL_CLASS" : "INCLUSIVE_CLASS";
	}

	/** Whether the school, where the next extract has the learner, offers the form. */
	private static boolean offered(String form, Organisation school) {
		if (school.isSpecialSchool()) {
			return form.equals("SPECIAL_SCHOOL") || form.equals("HOME_BASED");
		}
		return !form.equals("SPECIAL_SCHOOL") && !form.equals("HOSPITAL");
	}

	/**
	 * Another form than the recommended one: the pre-school class's, if that was another
	 * the school offers; else the school's nearest other.
	 */
	private String otherForm(String recommended, String preschool, Organisation school) {
		if (!preschool.equals(recommended) && offered(preschool, school)) {
			return preschool;
		}
		if (school.isSpecialSchool()) {
			return recommended.equals("SPECIAL_SCHOOL") ? "HOME_BASED" : "SPECIAL_SCHOOL";
		}
		if (recommended.equals("INCLUSIVE_CLASS")) {
			return draws.nextDouble() < SPECIAL_CLASS_INSTEAD ? "SPECIAL_CLASS" : "HOME_BASED";
		}
		return "INCLUSIVE_CLASS";
	}

}
