package org.barshaga.learner;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.SpecialistType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts over the learner register by organisation, for other capabilities (conditions,
 * staffing, indicators). They hold no personal data, so they are not audited; scope is
 * applied to the organisation's path in SQL.
 */
@Service
@Transactional(readOnly = true)
public class LearnerAggregates {

	private static final String ENROLLED_ON_CENSUS = """
			FROM enrolment e JOIN organisation o ON o.id = e.organisation_id
			WHERE e.started_on <= :census AND (e.ended_on IS NULL OR e.ended_on > :census) AND """;

	private final JdbcClient jdbc;

	LearnerAggregates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Learners with SEN enrolled on the census day, by organisation id. */
	public Map<Long, Long> enrolledByOrganisation(DataScope scope, LocalDate census) {
		Map<Long, Long> counts = new HashMap<>();
		scope
			.bind(jdbc.sql("SELECT e.organisation_id, COUNT(DISTINCT e.learner_id) AS n " + ENROLLED_ON_CENSUS + " "
					+ scope.sql("o.path") + " GROUP BY e.organisation_id"))
			.param("census", Date.valueOf(census))
			.query((ResultSet rs) -> {
				counts.put(rs.getLong("organisation_id"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Weekly hours recommended by the conclusions in force on the census day for the
	 * learners enrolled that day, by organisation id and specialist type.
	 */
	public Map<Long, Map<SpecialistType, BigDecimal>> recommendedWeeklyHours(DataScope scope, LocalDate census) {
		Map<Long, Map<SpecialistType, BigDecimal>> hours = new HashMap<>();
		scope.bind(jdbc.sql("""
				SELECT e.organisation_id, cs.specialist, SUM(cs.weekly_hours) AS hours
				FROM enrolment e JOIN organisation o ON o.id = e.organisation_id
				JOIN conclusion c ON c.learner_id = e.learner_id AND c.concluded_on <= :census
				JOIN conclusion_service cs ON cs.conclusion_id = c.id
				WHERE e.started_on <= :census AND (e.ended_on IS NULL OR e.ended_on > :census)
				  AND NOT EXISTS (SELECT 1 FROM conclusion c2 WHERE c2.learner_id = c.learner_id
					AND c2.concluded_on <= :census
					AND (c2.concluded_on > c.concluded_on OR (c2.concluded_on = c.concluded_on AND c2.id > c.id)))
				  AND """ + " " + scope.sql("o.path") + " GROUP BY e.organisation_id, cs.specialist"))
			.param("census", Date.valueOf(census))
			.query((ResultSet rs) -> {
				hours.computeIfAbsent(rs.getLong("organisation_id"), k -> new EnumMap<>(SpecialistType.class))
					.put(SpecialistType.valueOf(rs.getString("specialist")), rs.getBigDecimal("hours"));
			});
		return hours;
	}

}
