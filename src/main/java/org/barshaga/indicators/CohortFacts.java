package org.barshaga.indicators;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of who stays and where they go: the pupils of one year's enrolment extract,
 * followed to the next year's census day through the next extract and the leavers
 * register. Peers are counted in groups by school, sex and age in one aggregate query;
 * learners with SEN (a conclusion made by the census day) one by one, because their
 * category and, for the pre-school class, the form their conclusion recommends are read
 * from the learner register. docs/indicators.md, "Staying and moving on", defines them.
 */
final class CohortFacts {

	/** Destinations that continue education or start work. */
	private static final String FURTHER = "'COLLEGE', 'UNIVERSITY', 'EMPLOYMENT'";

	private record Conclusion(LocalDate concludedOn, String category, String form) {
	}

	private final JdbcClient jdbc;

	private final YearFacts facts;

	private final int year;

	private final LocalDate census;

	private final LocalDate nextCensus;

	private final Map<Long, List<Conclusion>> conclusions = new HashMap<>();

	private final Map<Long, String> nextForms = new HashMap<>();

	private final Map<Long, SchoolPlace> schools = new HashMap<>();

	private CohortFacts(JdbcClient jdbc, YearFacts facts, int year) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.year = year;
		this.census = new SchoolYear(year).census();
		this.nextCensus = new SchoolYear(year + 1).census();
	}

	static void load(JdbcClient jdbc, YearFacts facts, int year) {
		boolean followed = jdbc.sql("SELECT COUNT(*) FROM enrolment_count WHERE school_year = :next AND pupils > 0")
			.param("next", year + 1)
			.query(Long.class)
			.single() > 0;
		if (!followed) {
			return;
		}
		CohortFacts cohort = new CohortFacts(jdbc, facts, year);
		cohort.learners();
		cohort.schools();
		cohort.pupils();
	}

	private void learners() {
		jdbc.sql("SELECT learner_id, concluded_on, sen_categories, form FROM conclusion WHERE concluded_on <= :next"
				+ " ORDER BY learner_id, concluded_on, id")
			.param("next", Date.valueOf(nextCensus))
			.query((ResultSet rs) -> {
				conclusions.computeIfAbsent(rs.getLong("learner_id"), k -> new ArrayList<>())
					.add(new Conclusion(rs.getDate("concluded_on").toLocalDate(),
							FactLoader.category(rs.getString("sen_categories")), rs.getString("form")));
			});
		jdbc.sql("""
				SELECT learner_id, form FROM enrolment
				WHERE started_on <= :next AND (ended_on IS NULL OR ended_on > :next) ORDER BY started_on, id""")
			.param("next", Date.valueOf(nextCensus))
			.query((ResultSet rs) -> {
				nextForms.put(rs.getLong("learner_id"), rs.getString("form"));
			});
	}

	private void schools() {
		schools.putAll(SchoolPlace.read(jdbc, "type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')"));
	}

	/**
	 * One pass over the year's extract, each pupil joined to their row of the next
	 * extract and to their leaving records between the two census days: peers summed by
	 * school, sex and age, learners (anyone the learner register holds) one row each.
	 */
	private void pupils() {
		String sql = """
				SELECT e.organisation_id, e.sex, EXTRACT(YEAR FROM e.birth_date) AS born,
					CASE WHEN EXTRACT(MONTH FROM e.birth_date) * 100 + EXTRACT(DAY FROM e.birth_date) > 901
						THEN 1 ELSE 0 END AS late, l.id AS learner_id,
					COUNT(*) AS pupils,
					SUM(CASE WHEN lv.dropout = 1 OR (n.iin IS NULL AND lv.iin IS NULL) THEN 1 ELSE 0 END) AS dropped,
					SUM(CASE WHEN e.grade = 9 AND (n.grade >= 10 OR lv.completed9 = 1) THEN 1 ELSE 0 END) AS completed9,
					SUM(CASE WHEN e.grade = 9 AND (n.grade >= 10 OR (lv.completed9 = 1 AND lv.continued = 1))
						THEN 1 ELSE 0 END) AS continued9,
					SUM(CASE WHEN lv.completed11 = 1 THEN 1 ELSE 0 END) AS completed11,
					SUM(CASE WHEN lv.completed11 = 1 AND lv.further = 1 THEN 1 ELSE 0 END) AS continued11,
					SUM(CASE WHEN e.grade = 0 THEN 1 ELSE 0 END) AS preschool,
					SUM(CASE WHEN e.grade = 0 AND n.grade = 1 THEN 1 ELSE 0 END) AS grade1
				FROM enrolment_extract e
				LEFT JOIN enrolment_extract n ON n.school_year = :next AND n.iin = e.iin
				LEFT JOIN (SELECT iin,
						MAX(CASE WHEN reason = 'DROPOUT' THEN 1 ELSE 0 END) AS dropout,
						MAX(CASE WHEN reason = 'COMPLETED_GRADE_9' THEN 1 ELSE 0 END) AS completed9,
						MAX(CASE WHEN reason = 'COMPLETED_GRADE_11' THEN 1 ELSE 0 END) AS completed11,
						MAX(CASE WHEN destination IN ('GRADE_10_ELSEWHERE', %1$s) THEN 1 ELSE 0 END) AS continued,
						MAX(CASE WHEN destination IN (%1$s) THEN 1 ELSE 0 END) AS further
					FROM school_leaver WHERE left_on >= :census AND left_on < :nextCensus GROUP BY iin) lv
					ON lv.iin = CAST(e.iin AS BIGINT)
				LEFT JOIN learner l ON l.iin = e.iin
				WHERE e.school_year = :year
					AND e.organisation_id IN (SELECT organisation_id FROM enrolment_count WHERE school_year = :next AND pupils > 0)
				GROUP BY e.organisation_id, e.sex, EXTRACT(YEAR FROM e.birth_date),
					CASE WHEN EXTRACT(MONTH FROM e.birth_date) * 100 + EXTRACT(DAY FROM e.birth_date) > 901 THEN 1 ELSE 0 END,
					l.id"""
			.formatted(FURTHER);
		jdbc.sql(sql)
			.param("year", year)
			.param("next", year + 1)
			.param("census", Date.valueOf(census))
			.param("nextCensus", Date.valueOf(nextCensus))
			.query((ResultSet rs) -> {
				add(rs);
			});
	}

	private void add(ResultSet rs) throws java.sql.SQLException {
		SchoolPlace school = schools.get(rs.getLong("organisation_id"));
		if (school == null) {
			return;
		}
		long learnerId = rs.getLong("learner_id");
		Conclusion conclusion = rs.wasNull() ? null : on(learnerId, census);
		byte[] dimensions = YearFacts.noDimensions();
		if (school.settlement() != null) {
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(school.settlement());
		}
		dimensions[Dimension.SEX.ordinal()] = (byte) Dimension.SEX.index(rs.getString("sex"));
		// the age in whole years on 1 September: one less for a birthday after it
		int age = year - rs.getInt("born") - rs.getInt("late");
		dimensions[Dimension.AGE_GROUP.ordinal()] = (byte) Dimension.AGE_GROUP.index(Dimension.ageGroup(age));
		dimensions[Dimension.LEARNER_GROUP.ordinal()] = (byte) Dimension.LEARNER_GROUP
			.index(conclusion == null ? "PEER" : "SEN");
		double[] row = new double[Measure.columns(Measure.Scope.COHORT)];
		row[Measure.CENSUS_PUPILS.column()] = rs.getLong("pupils");
		row[Measure.DROPPED_OUT.column()] = rs.getLong("dropped");
		row[Measure.COMPLETED_GRADE_9.column()] = rs.getLong("completed9");
		row[Measure.CONTINUED_AFTER_9.column()] = rs.getLong("continued9");
		row[Measure.COMPLETED_GRADE_11.column()] = rs.getLong("completed11");
		row[Measure.CONTINUED_AFTER_11.column()] = rs.getLong("continued11");
		if (conclusion != null) {
			dimensions[Dimension.SEN_CATEGORY.ordinal()] = (byte) Dimension.SEN_CATEGORY.index(conclusion.category());
			if (rs.getLong("preschool") > 0) {
				row[Measure.PRESCHOOL_SEN.column()] = 1;
				Conclusion then = on(learnerId, nextCensus);
				if (rs.getLong("grade1") > 0 && then.form().equals(nextForms.get(learnerId))) {
					row[Measure.PRESCHOOL_IN_FORM.column()] = 1;
				}
			}
		}
		if (facts.place(school.path()) == null) {
			facts.place(school.place());
		}
		facts.add(school.path(), true, dimensions, Measure.Scope.COHORT, row);
	}

	/** The learner's conclusion in force on the day, or null. */
	private Conclusion on(long learnerId, LocalDate day) {
		Conclusion found = null;
		for (Conclusion conclusion : conclusions.getOrDefault(learnerId, List.of())) {
			if (!conclusion.concludedOn().isAfter(day)) {
				found = conclusion;
			}
		}
		return found;
	}

}
