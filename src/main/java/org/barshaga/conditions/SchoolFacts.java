package org.barshaga.conditions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * What criteria rules can look at for one school and school year: the survey items, the
 * learners with SEN enrolled on the census day, support staff FTE, and teachers with
 * their inclusive training of the last three years.
 */
public record SchoolFacts(Map<ConditionItem, ItemStatus> items, long learnersWithSen, BigDecimal supportFte,
		long teachers, long trainedTeachers) {

	/** The fields a rule may name besides {@code item.<ITEM>}. */
	public static final Set<String> FIELDS = Set.of("learners_with_sen", "support_fte", "support_fte_per_10_learners",
			"teachers", "trained_teacher_share");

	/** The fields that count the school's children. */
	static final Set<String> CHILDREN_FIELDS = Set.of("learners_with_sen", "support_fte_per_10_learners");

	static boolean isField(String name) {
		if (name.startsWith("item.")) {
			try {
				ConditionItem.valueOf(name.substring(5));
				return true;
			}
			catch (IllegalArgumentException unknown) {
				return false;
			}
		}
		return FIELDS.contains(name);
	}

	/**
	 * The value of a field: a survey item counts 1 when present, 0.5 when partial, 0 when
	 * absent; null when there is nothing to measure (no survey, no learners, no
	 * teachers).
	 */
	BigDecimal value(String field) {
		if (field.startsWith("item.")) {
			ItemStatus status = items.get(ConditionItem.valueOf(field.substring(5)));
			if (status == null || status == ItemStatus.NOT_APPLICABLE) {
				return null;
			}
			return switch (status) {
				case PRESENT -> BigDecimal.ONE;
				case PARTIAL -> new BigDecimal("0.5");
				default -> BigDecimal.ZERO;
			};
		}
		return switch (field) {
			case "learners_with_sen" -> BigDecimal.valueOf(learnersWithSen);
			case "support_fte" -> supportFte;
			case "support_fte_per_10_learners" -> learnersWithSen == 0 ? null : supportFte.multiply(BigDecimal.TEN)
				.divide(BigDecimal.valueOf(learnersWithSen), 2, RoundingMode.HALF_UP);
			case "teachers" -> BigDecimal.valueOf(teachers);
			case "trained_teacher_share" -> teachers == 0 ? null
					: BigDecimal.valueOf(trainedTeachers).divide(BigDecimal.valueOf(teachers), 2, RoundingMode.HALF_UP);
			default -> throw new IllegalArgumentException("Unknown field " + field);
		};
	}

	boolean notApplicable(String field) {
		return field.startsWith("item.")
				&& items.get(ConditionItem.valueOf(field.substring(5))) == ItemStatus.NOT_APPLICABLE;
	}

}
