package org.barshaga.conditions;

import java.math.BigDecimal;
import java.util.Map;
import org.barshaga.registry.Organisation;

/**
 * One open school's figures for a school year, as the indicators count them. Aggregates
 * only: no person is named.
 *
 * @param reported what the school reported about conditions for inclusion, none when the
 * survey was not answered
 * @param measured whether the product's default criteria are met
 * @param sdg4a1d whether the SDG 4.a.1(d) criteria are met
 * @param accessible whether the building is physically accessible (see
 * {@link SchoolConditions#figures})
 * @param stepFree whether the itemised survey records a step-free entrance as present
 * @param staffing support staff needed, in post and missing, by position
 */
public record SchoolFigures(Organisation school, Boolean reported, boolean measured, boolean sdg4a1d,
		boolean accessible, boolean stepFree, long teachers, long trainedTeachers,
		Map<PositionType, StaffingGap.Line> staffing) {

	public BigDecimal needed(PositionType position) {
		return staffing.get(position).needed();
	}

}
