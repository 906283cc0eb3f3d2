package org.barshaga.learner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

import org.barshaga.kernel.SpecialistType;

/**
 * Support of one specialist type in one month: the hours recommended by the conclusion in
 * force (weekly hours times the weeks of teaching in the month) and the hours of attended
 * sessions.
 */
public record MonthlyDelivery(YearMonth month, SpecialistType specialist, BigDecimal recommendedHours,
		BigDecimal deliveredHours) {

	/** Delivered divided by recommended; null when nothing was recommended. */
	public BigDecimal ratio() {
		if (recommendedHours.signum() == 0) {
			return null;
		}
		return deliveredHours.divide(recommendedHours, 2, RoundingMode.HALF_UP);
	}

	public Integer percent() {
		BigDecimal ratio = ratio();
		return ratio == null ? null : ratio.movePointRight(2).intValue();
	}

}
