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
	SCHOOLS_STEP_FREE(Subject.SCHOOLS, Scope.SCHOOL),

	SPECIALIST_FTE(Subject.FTE, Scope.STAFFING), SPECIALIST_FTE_NEEDED(Subject.FTE, Scope.STAFFING),
	SPECIALIST_FTE_GAP(Subject.FTE, Scope.STAFFING), SPECIALIST_NEED_LEARNERS(Subject.CHILDREN, Scope.STAFFING),

	SEN_LEARNERS(Subject.CHILDREN, Scope.LEARNER), SEN_PUPILS(Subject.CHILDREN, Scope.LEARNER),
	LEARNERS_WITH_SERVICES(Subject.CHILDREN, Scope.LEARNER), LEARNERS_SERVED(Subject.CHILDREN, Scope.LEARNER),
	REVIEWS_OVERDUE(Subject.CHILDREN, Scope.LEARNER), CONSENT_MISSING(Subject.CHILDREN, Scope.LEARNER),
	PLANS(Subject.CHILDREN, Scope.LEARNER), PLANS_REVIEW_OVERDUE(Subject.CHILDREN, Scope.LEARNER),
	GOALS_RATED(Subject.GOALS, Scope.LEARNER), GOALS_MET(Subject.GOALS, Scope.LEARNER),

	RECOMMENDED_HOURS(Subject.HOURS, Scope.SERVICE), DELIVERED_HOURS(Subject.HOURS, Scope.SERVICE),

	RECONCILED_SCHOOL_AGE(Subject.CHILDREN, Scope.RECONCILED), OUT_OF_SCHOOL(Subject.CHILDREN, Scope.RECONCILED),
	OUT_OF_SCHOOL_UNCERTAIN(Subject.CHILDREN, Scope.RECONCILED),
	RECONCILED_CHILDREN(Subject.CHILDREN, Scope.RECONCILED), REGISTERS_AGREE(Subject.CHILDREN, Scope.RECONCILED);

	/** What a measure counts: a share only compares like with like. */
	public enum Subject {

		SCHOOLS, CHILDREN, STAFF, FTE, GOALS, HOURS

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
		RECONCILED(EnumSet.of(Dimension.SEX, Dimension.AGE_GROUP));

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
				|| this == SPECIALIST_FTE_NEEDED || this == SPECIALIST_FTE_GAP;
	}

	/**
	 * The measures whose figures are hidden together with this one's. Staff needed and
	 * missing are judged by the children behind the need; children with a conclusion and
	 * those of them at school are judged together, because one is the other restricted by
	 * the form of education, and a subtraction would otherwise give a hidden one back.
	 */
	List<Measure> suppressedWith() {
		return switch (this) {
			case SPECIALIST_FTE_NEEDED, SPECIALIST_FTE_GAP, SPECIALIST_NEED_LEARNERS ->
				List.of(SPECIALIST_NEED_LEARNERS, SPECIALIST_FTE_NEEDED, SPECIALIST_FTE_GAP);
			case SEN_LEARNERS, SEN_PUPILS -> List.of(SEN_LEARNERS, SEN_PUPILS);
			default -> List.of(this);
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
