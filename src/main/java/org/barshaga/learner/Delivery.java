package org.barshaga.learner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;

/**
 * Recommended against delivered support, month by month. A month's recommendation is the
 * weekly hours of the conclusion in force at the end of the month (or today, for the
 * current month) times the teaching weeks in it: weekdays up to that day, divided by
 * five. June to August are holidays and recommend nothing. Delivered hours are the
 * minutes of attended sessions.
 */
final class Delivery {

	private Delivery() {
	}

	static List<MonthlyDelivery> lastMonths(int count, List<Conclusion> conclusions, List<Session> sessions,
			LocalDate today) {
		List<MonthlyDelivery> result = new ArrayList<>();
		YearMonth current = YearMonth.from(today);
		for (int back = count - 1; back >= 0; back--) {
			result.addAll(month(current.minusMonths(back), conclusions, sessions, today));
		}
		return result;
	}

	static List<MonthlyDelivery> month(YearMonth month, List<Conclusion> conclusions, List<Session> sessions,
			LocalDate today) {
		LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		Map<SpecialistType, BigDecimal> weekly = conclusions.stream()
			.filter(c -> !c.concludedOn().isAfter(last))
			.findFirst()
			.map(Conclusion::weeklyHours)
			.orElse(Map.of());
		BigDecimal weeks = SchoolYear.isSchoolMonth(month) ? BigDecimal.valueOf(weekdays(month.atDay(1), last))
			.divide(BigDecimal.valueOf(5), 4, RoundingMode.HALF_UP) : BigDecimal.ZERO;
		Map<SpecialistType, Integer> minutes = new EnumMap<>(SpecialistType.class);
		for (Session session : sessions) {
			if (session.attended() && YearMonth.from(session.heldOn()).equals(month)) {
				minutes.merge(session.specialist(), session.minutes(), Integer::sum);
			}
		}
		Set<SpecialistType> types = EnumSet.noneOf(SpecialistType.class);
		types.addAll(weekly.keySet());
		types.addAll(minutes.keySet());
		List<MonthlyDelivery> result = new ArrayList<>();
		for (SpecialistType type : types) {
			BigDecimal recommended = weekly.getOrDefault(type, BigDecimal.ZERO)
				.multiply(weeks)
				.setScale(1, RoundingMode.HALF_UP);
			BigDecimal delivered = BigDecimal.valueOf(minutes.getOrDefault(type, 0))
				.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
			result.add(new MonthlyDelivery(month, type, recommended, delivered));
		}
		return result;
	}

	static int weekdays(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

}
