package org.barshaga.learner;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A learner's latest terms of results and attendance, read by IIN from the registers the
 * schools load, with the support delivered in each term from the record's sessions.
 */
@Repository
class OutcomeRecords {

	/** Terms shown in the record: two school years. */
	static final int TERMS = 8;

	private final JdbcClient jdbc;

	OutcomeRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest terms, oldest first. Conclusions are the record's, latest first.
	 */
	List<TermOutcome> terms(long learnerId, String iin, List<Conclusion> conclusions, LocalDate today) {
		if (iin == null) {
			return List.of();
		}
		long number = Long.parseLong(iin.strip());
		Map<Integer, Object[]> terms = new TreeMap<>();
		jdbc.sql(
				"""
						SELECT school_year, term, AVG(percentage) AS mean, COUNT(*) AS subjects FROM term_result WHERE iin = :iin
						GROUP BY school_year, term""")
			.param("iin", number)
			.query(rs -> {
				Object[] row = terms.computeIfAbsent(rs.getInt(1) * 4 + rs.getInt(2) - 1, k -> new Object[5]);
				row[0] = rs.getDouble("mean");
				row[1] = rs.getInt("subjects");
			});
		jdbc.sql("""
				SELECT school_year, term, school_days, absent_excused, absent_unexcused FROM term_attendance
				WHERE iin = :iin""").param("iin", number).query(rs -> {
			Object[] row = terms.computeIfAbsent(rs.getInt(1) * 4 + rs.getInt(2) - 1, k -> new Object[5]);
			row[2] = rs.getInt("school_days");
			row[3] = rs.getInt("absent_excused");
			row[4] = rs.getInt("absent_unexcused");
		});
		List<Integer> shown = new ArrayList<>(terms.keySet());
		shown = shown.subList(Math.max(0, shown.size() - TERMS), shown.size());
		List<TermOutcome> outcomes = new ArrayList<>();
		for (int index : shown) {
			Object[] row = terms.get(index);
			int year = index / 4;
			int term = index % 4 + 1;
			SchoolYear schoolYear = new SchoolYear(year);
			LocalDate end = schoolYear.termEnd(term);
			LocalDate start = term == 1 ? schoolYear.start() : schoolYear.termEnd(term - 1).plusDays(1);
			LocalDate upTo = today.isBefore(end) ? today : end;
			Double recommended = null;
			Double delivered = null;
			Conclusion inForce = conclusions.stream()
				.filter(c -> !c.concludedOn().isAfter(end))
				.findFirst()
				.orElse(null);
			if (inForce != null && !upTo.isBefore(start)) {
				double weekly = inForce.weeklyHours().values().stream().mapToDouble(BigDecimal::doubleValue).sum();
				recommended = weekly * weekdays(start, upTo) / 5.0;
				delivered = jdbc.sql("""
						SELECT COALESCE(SUM(minutes), 0) FROM support_session
						WHERE learner_id = :learner AND attended = TRUE AND held_on >= :start AND held_on <= :end""")
					.param("learner", learnerId)
					.param("start", Date.valueOf(start))
					.param("end", Date.valueOf(upTo))
					.query(Long.class)
					.single() / 60.0;
			}
			outcomes.add(new TermOutcome(year, term, (Double) row[0], row[1] == null ? 0 : (Integer) row[1],
					(Integer) row[2], (Integer) row[3], (Integer) row[4], recommended, delivered));
		}
		return outcomes;
	}

	private static int weekdays(LocalDate first, LocalDate last) {
		int days = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

}
