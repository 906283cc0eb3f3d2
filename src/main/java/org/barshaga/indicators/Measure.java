package org.barshaga.indicators;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The building blocks of indicators: what the product counts for each school year, each
 * with the dimensions it can be divided by. docs/indicators.md defines every one.
 */
public enum Measure {

	SCHOOLS(Subject.SCHOOLS, Scope.SCHOOL), SCHOOLS_REPORTED(Subject.SCHOOLS, Scope.SCHOOL),
	SCHOOLS_MEASURED(Subject.SCHOOLS, Scope.SCHOOL), SCHOOLS_REPORTED_NOT_MEASURED(Subject.SCHOOLS, Scope.SCHOOL),
	SCHOOLS_SDG_4A1D(Subject.SCHOOLS, Scope.SCHOOL), SCHOOLS_ACCESSIBLE(Subject.SCHOOLS, Scope.SCHOOL),
	PUPILS(Subject.CHILDREN, Scope.SCHOOL), TEACHERS(Subject.STAFF, Scope.SCHOOL),
	TEACHERS_TRAINED(Subject.STAFF, Scope.SCHOOL), SCHOOLS_SURVEYED(Subject.SCHOOLS, Scope.SCHOOL),
	SCHOOLS_STEP_FREE(Subject.SCHOOLS, Scope.SCHOOL), SCHOOLS_SUBMITTED(Subject.SCHOOLS, Scope.SCHOOL),
	SCHOOLS_SUBMITTED_ON_TIME(Subject.SCHOOLS, Scope.SCHOOL),

	SPECIALIST_FTE(Subject.FTE, Scope.STAFFING), SPECIALIST_FTE_NEEDED(Subject.FTE, Scope.STAFFING),
	SPECIALIST_FTE_GAP(Subject.FTE, Scope.STAFFING), SPECIALIST_NEED_LEARNERS(Subject.CHILDREN, Scope.STAFFING),
	SPECIALIST_GAP_LEARNERS(Subject.CHILDREN, Scope.STAFFING),

	SEN_LEARNERS(Subject.CHILDREN, Scope.LEARNER), SEN_PUPILS(Subject.CHILDREN, Scope.LEARNER),
	LEARNERS_WITH_SERVICES(Subject.CHILDREN, Scope.LEARNER), LEARNERS_SERVED(Subject.CHILDREN, Scope.LEARNER),
	REVIEWS_OVERDUE(Subject.CHILDREN, Scope.LEARNER), CONSENT_MISSING(Subject.CHILDREN, Scope.LEARNER),
	PLANS(Subject.CHILDREN, Scope.LEARNER), PLANS_REVIEW_OVERDUE(Subject.CHILDREN, Scope.LEARNER),
	GOALS_RATED(Subject.GOALS, Scope.LEARNER), GOALS_MET(Subject.GOALS, Scope.LEARNER),

	RECOMMENDED_HOURS(Subject.HOURS, Scope.SERVICE), DELIVERED_HOURS(Subject.HOURS, Scope.SERVICE),

	RECONCILED_SCHOOL_AGE(Subject.CHILDREN, Scope.RECONCILED), OUT_OF_SCHOOL(Subject.CHILDREN, Scope.RECONCILED),
	OUT_OF_SCHOOL_UNCERTAIN(Subject.CHILDREN, Scope.RECONCILED),
	RECONCILED_CHILDREN(Subject.CHILDREN, Scope.RECONCILED), REGISTERS_AGREE(Subject.CHILDREN, Scope.RECONCILED),

	SCHOOLS_CONSULTED(Subject.SCHOOLS, Scope.SCHOOL), SCHOOLS_REACHED(Subject.SCHOOLS, Scope.SCHOOL),
	SUPPORT_REQUESTS(Subject.REQUESTS, Scope.SUPPORT), SUPPORT_REQUESTS_ANSWERED(Subject.REQUESTS, Scope.SUPPORT),
	ATTAINMENT_GAP_POINTS(Subject.POINTS, Scope.OUTCOME), ATTAINMENT_SEN_COMPARED(Subject.CHILDREN, Scope.OUTCOME),
	ATTENDANCE_GAP_POINTS(Subject.POINTS, Scope.OUTCOME), ATTENDANCE_SEN_COMPARED(Subject.CHILDREN, Scope.OUTCOME),

	CENSUS_PUPILS(Subject.CHILDREN, Scope.COHORT), DROPPED_OUT(Subject.CHILDREN, Scope.COHORT),
	COMPLETED_GRADE_9(Subject.CHILDREN, Scope.COHORT), CONTINUED_AFTER_9(Subject.CHILDREN, Scope.COHORT),
	COMPLETED_GRADE_11(Subject.CHILDREN, Scope.COHORT), CONTINUED_AFTER_11(Subject.CHILDREN, Scope.COHORT),
	PRESCHOOL_SEN(Subject.CHILDREN, Scope.COHORT), PRESCHOOL_IN_FORM(Subject.CHILDREN, Scope.COHORT),

	QUALITY_SCORE_POINTS(Subject.SCORE, Scope.QUALITY), QUALITY_SCORES(Subject.RESPONSES, Scope.QUALITY),
	SURVEY_RESPONSES(Subject.RESPONSES, Scope.SURVEY), SURVEY_EXPECTED(Subject.RESPONSES, Scope.SURVEY);

	/** What a measure counts: a share only compares like with like. */
	public enum Subject {

		SCHOOLS, CHILDREN, STAFF, FTE, GOALS, HOURS, REQUESTS,

		/**
		 * Percentage points by which a learner with SEN differs from their peers, summed
		 * over learners: divided by the learners compared, a mean gap.
		 */
		POINTS,

		/**
		 * Answers to a survey: the people who answered or were to answer, or the valid
		 * scale scores of their responses.
		 */
		RESPONSES,

		/**
		 * Scale scores out of 100, summed over valid scales: divided by the scales, a
		 * mean score.
		 */
		SCORE

	}

	/** The grain of the facts a measure is counted from, which sets its dimensions. */
	enum Scope {

		SCHOOL(EnumSet.of(Dimension.SETTLEMENT)), STAFFING(EnumSet.of(Dimension.SETTLEMENT, Dimension.SPECIALIST)),
		LEARNER(EnumSet.of(Dimension.SETTLEMENT, Dimension.SEX, Dimension.AGE_GROUP, Dimension.FORM,
				Dimension.SUPPORT_LEVEL, Dimension.SEN_CATEGORY)),
		SERVICE(EnumSet.of(Dimension.SETTLEMENT, Dimension.SEX, Dimension.AGE_GROUP, Dimension.FORM,
				Dimension.SUPPORT_LEVEL, Dimension.SEN_CATEGORY, Dimension.SPECIALIST)),
		/**
		 * A health-registry child's result in the current linkage run, at the place of
		 * residence: the registry gives no school, so no settlement.
		 */
		RECONCILED(EnumSet.of(Dimension.SEX, Dimension.AGE_GROUP)),
		/** A request for help, at the organisation that asked. */
		SUPPORT(EnumSet.of(Dimension.SETTLEMENT)),
		/**
		 * A learner with SEN in one term, compared with the peers of the same school and
		 * grade: the school's settlement, the learner's sex, age group and category, the
		 * term and whether the support recommended was delivered in it.
		 */
		OUTCOME(EnumSet.of(Dimension.SETTLEMENT, Dimension.SEX, Dimension.AGE_GROUP, Dimension.SEN_CATEGORY,
				Dimension.TERM, Dimension.SUPPORT_DELIVERED)),
		/**
		 * A pupil of one year's enrolment extract, followed to the next census day: the
		 * school's settlement, the pupil's sex and age group, whether a learner with SEN
		 * and the category of their conclusion.
		 */
		COHORT(EnumSet.of(Dimension.SETTLEMENT, Dimension.SEX, Dimension.AGE_GROUP, Dimension.SEN_CATEGORY,
				Dimension.LEARNER_GROUP)),
		/**
		 * The valid scale scores of one round's survey at a school, in groups the
		 * small-group rule lets through: the school's settlement, whether a pupil has
		 * SEN, and the scale.
		 */
		QUALITY(EnumSet.of(Dimension.SETTLEMENT, Dimension.LEARNER_GROUP, Dimension.QUALITY_SCALE)),
		/** A school in a survey round: who answered against who was to. */
		SURVEY(EnumSet.of(Dimension.SETTLEMENT, Dimension.SURVEY));

		private final Set<Dimension> dimensions;

		Scope(Set<Dimension> dimensions) {
			this.dimensions = dimensions;
		}

	}

	private final Subject subject;

	private final Scope scope;

	Measure(Subject subject, Scope scope) {
		this.subject = subject;
		this.scope = scope;
	}

	Scope scope() {
		return scope;
	}

	private static final int[] COLUMN = new int[values().length];

	private static final Map<Scope, Integer> COLUMNS = new EnumMap<>(Scope.class);

	static {
		for (Measure measure : values()) {
			COLUMN[measure.ordinal()] = COLUMNS.merge(measure.scope, 1, Integer::sum) - 1;
		}
	}

	/**
	 * The position of the measure among those of its grain: its column in a row of facts.
	 */
	int column() {
		return COLUMN[ordinal()];
	}

	static int columns(Scope scope) {
		return COLUMNS.get(scope);
	}

	public Subject subject() {
		return subject;
	}

	public Set<Dimension> dimensions() {
		return scope.dimensions;
	}

	/**
	 * Whether a figure of this measure counts children or is derived from their records
	 * (the staff needed for the services that children's conclusions recommend), so that
	 * small cells are suppressed.
	 */
	public boolean countsChildren() {
		return subject == Subject.CHILDREN || subject == Subject.GOALS || subject == Subject.HOURS
				|| subject == Subject.POINTS || subject == Subject.RESPONSES || subject == Subject.SCORE
				|| this == SPECIALIST_FTE_NEEDED || this == SPECIALIST_FTE_GAP;
	}

	/**
	 * The measures whose figures are hidden together with this one's. Staff needed is
	 * judged by the children behind the need, and staff missing by the children behind
	 * the gap (a gap of zero has none, though children need the specialist), so that a
	 * figure and the children it rests on are zero in the same cells and a published zero
	 * never pins a hidden gap; both are judged together, because the children behind a
	 * gap are those behind the need restricted to the schools short of staff. Children
	 * with a conclusion and those of them at school are judged together, because one is
	 * the other restricted by the form of education, and a subtraction would otherwise
	 * give a hidden one back.
	 */
	List<Measure> suppressedWith() {
		return switch (this) {
			case SPECIALIST_FTE_NEEDED, SPECIALIST_FTE_GAP, SPECIALIST_NEED_LEARNERS, SPECIALIST_GAP_LEARNERS ->
				List.of(SPECIALIST_NEED_LEARNERS, SPECIALIST_GAP_LEARNERS, SPECIALIST_FTE_NEEDED, SPECIALIST_FTE_GAP);
			case SEN_LEARNERS, SEN_PUPILS -> List.of(SEN_LEARNERS, SEN_PUPILS);
			// a gap is judged by the learners compared, never by its own points
			case ATTAINMENT_GAP_POINTS, ATTAINMENT_SEN_COMPARED -> List.of(ATTAINMENT_SEN_COMPARED);
			case ATTENDANCE_GAP_POINTS, ATTENDANCE_SEN_COMPARED -> List.of(ATTENDANCE_SEN_COMPARED);
			// a share of pupils and its part are judged together, the rest of the whole
			// too
			case CENSUS_PUPILS, DROPPED_OUT -> List.of(CENSUS_PUPILS, DROPPED_OUT);
			case COMPLETED_GRADE_9, CONTINUED_AFTER_9 -> List.of(COMPLETED_GRADE_9, CONTINUED_AFTER_9);
			case COMPLETED_GRADE_11, CONTINUED_AFTER_11 -> List.of(COMPLETED_GRADE_11, CONTINUED_AFTER_11);
			case PRESCHOOL_SEN, PRESCHOOL_IN_FORM -> List.of(PRESCHOOL_SEN, PRESCHOOL_IN_FORM);
			// a mean score is judged by the scores behind it, never by its own points
			case QUALITY_SCORE_POINTS, QUALITY_SCORES -> List.of(QUALITY_SCORES);
			case SURVEY_RESPONSES, SURVEY_EXPECTED -> List.of(SURVEY_EXPECTED, SURVEY_RESPONSES);
			default -> List.of(this);
		};
	}

	/**
	 * The measure of which this one counts a part chosen by something other than a
	 * dimension, or null: the rest of the whole is a count of children as well, and is
	 * judged with them.
	 */
	Measure partOf() {
		return switch (this) {
			case SPECIALIST_GAP_LEARNERS -> SPECIALIST_NEED_LEARNERS;
			case DROPPED_OUT -> CENSUS_PUPILS;
			case CONTINUED_AFTER_9 -> COMPLETED_GRADE_9;
			case CONTINUED_AFTER_11 -> COMPLETED_GRADE_11;
			case PRESCHOOL_IN_FORM -> PRESCHOOL_SEN;
			default -> null;
		};
	}

	/**
	 * The measure whose figures say that a count of this measure has been established at
	 * all, or none: a place that no linkage run covers has no figure ("no data") rather
	 * than none out of school.
	 */
	Measure coverage() {
		return scope == Scope.RECONCILED ? RECONCILED_SCHOOL_AGE : null;
	}

	public String messageKey() {
		return "indicator.measure." + name();
	}

}
