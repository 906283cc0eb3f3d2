package org.barshaga.conditions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.barshaga.registry.Organisation;

/**
 * Support staff needed, in post and missing, by position, for a unit or school and its
 * schools. A school's gap counts only positions where it has fewer FTE than it needs, so
 * that a unit's gap is the sum of its schools' gaps, never offset by another school's
 * surplus.
 */
public record StaffingGap(String code, int year, java.time.LocalDate census, Map<PositionType, Line> total,
		List<School> schools) {

	public record Line(BigDecimal needed, BigDecimal available, BigDecimal gap, BigDecimal yearlyCost) {

		Line plus(Line other) {
			return new Line(needed.add(other.needed), available.add(other.available), gap.add(other.gap),
					yearlyCost.add(other.yearlyCost));
		}

	}

	public record School(Organisation organisation, Map<PositionType, Line> lines) {

		public BigDecimal gap() {
			return lines.values().stream().map(Line::gap).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		public BigDecimal yearlyCost() {
			return lines.values().stream().map(Line::yearlyCost).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	public BigDecimal gap() {
		return total.values().stream().map(Line::gap).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public BigDecimal yearlyCost() {
		return total.values().stream().map(Line::yearlyCost).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
