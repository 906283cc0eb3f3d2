package org.barshaga.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.barshaga.conditions.PositionType;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.SchoolFigures;
import org.barshaga.conditions.StaffingGap;
import org.barshaga.registry.Organisation;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of schools for a school year: the conditions module's figures of each school
 * (conditions reported and measured, accessibility, teachers, staffing), its pupils, and
 * whether it was consulted or trained by a centre and submitted its figures on time.
 */
final class SchoolFacts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private SchoolFacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static void load(JdbcClient jdbc, SchoolConditions conditions, Clock clock, YearFacts facts, int year) {
		new SchoolFacts(jdbc, clock).add(conditions, facts, year);
	}

	private void add(SchoolConditions conditions, YearFacts facts, int year) {
		Map<Long, Long> pupils = pupils(year);
		Set<Long> consulted = SupportFacts.consulted(jdbc, year);
		Set<Long> trained = SupportFacts.trainedAtSeminars(jdbc, year);
		Map<Long, Boolean> submitted = submitted(year);
		for (SchoolFigures figures : conditions.figures(year)) {
			Organisation school = figures.school();
			facts.place(new YearFacts.Place(school.code(), school.path(), school.name(), true));
			byte[] dimensions = YearFacts.noDimensions();
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(school.settlement().name());
			boolean reported = Boolean.TRUE.equals(figures.reported());
			add(facts, school.path(), dimensions, Measure.SCHOOLS, 1);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_REPORTED, reported ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_MEASURED, figures.measured() ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_REPORTED_NOT_MEASURED,
					reported && !figures.measured() ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_SDG_4A1D, figures.sdg4a1d() ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_ACCESSIBLE, figures.accessible() ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_SURVEYED, figures.reported() != null ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_STEP_FREE, figures.stepFree() ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.PUPILS, pupils.getOrDefault(school.id(), 0L));
			add(facts, school.path(), dimensions, Measure.TEACHERS, figures.teachers());
			add(facts, school.path(), dimensions, Measure.TEACHERS_TRAINED, figures.trainedTeachers());
			add(facts, school.path(), dimensions, Measure.SCHOOLS_CONSULTED, consulted.contains(school.id()) ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_REACHED,
					consulted.contains(school.id()) || trained.contains(school.id()) ? 1 : 0);
			Boolean onTime = submitted.get(school.id());
			add(facts, school.path(), dimensions, Measure.SCHOOLS_SUBMITTED, onTime != null ? 1 : 0);
			add(facts, school.path(), dimensions, Measure.SCHOOLS_SUBMITTED_ON_TIME,
					Boolean.TRUE.equals(onTime) ? 1 : 0);
			for (Map.Entry<PositionType, StaffingGap.Line> line : figures.staffing().entrySet()) {
				byte[] position = dimensions.clone();
				position[Dimension.SPECIALIST.ordinal()] = (byte) Dimension.SPECIALIST.index(line.getKey().name());
				add(facts, school.path(), position, Measure.SPECIALIST_FTE, line.getValue().available());
				add(facts, school.path(), position, Measure.SPECIALIST_FTE_NEEDED, line.getValue().needed());
				add(facts, school.path(), position, Measure.SPECIALIST_FTE_GAP, line.getValue().gap());
			}
		}
	}

	private static void add(YearFacts facts, String path, byte[] dimensions, Measure measure, BigDecimal value) {
		facts.add(path, true, dimensions, measure, value.doubleValue());
	}

	private static void add(YearFacts facts, String path, byte[] dimensions, Measure measure, double value) {
		facts.add(path, true, dimensions, measure, value);
	}

	/**
	 * The schools that submitted the year's figures in the reporting cycle, each with
	 * whether its first submission came by the schools' deadline (that day included, in
	 * the country's time zone). A submission stays received when it is returned or
	 * reopened.
	 */
	private Map<Long, Boolean> submitted(int year) {
		Map<Long, Boolean> submitted = new HashMap<>();
		jdbc.sql("""
				SELECT s.organisation_id, s.first_submitted_at, p.school_deadline FROM report_submission s
				JOIN reporting_period p ON p.school_year = s.school_year WHERE s.school_year = :year""")
			.param("year", year)
			.query((ResultSet rs) -> {
				LocalDate first = rs.getTimestamp("first_submitted_at")
					.toInstant()
					.atZone(clock.getZone())
					.toLocalDate();
				submitted.put(rs.getLong("organisation_id"),
						!first.isAfter(rs.getDate("school_deadline").toLocalDate()));
			});
		return submitted;
	}

	/**
	 * Pupils of each school: the enrolment extract's count for the year where the school
	 * has one, else the school's own reported number.
	 */
	private Map<Long, Long> pupils(int year) {
		Map<Long, Long> pupils = new HashMap<>();
		jdbc.sql("""
				SELECT o.id, o.pupils, x.counted FROM organisation o
				LEFT JOIN (SELECT organisation_id, pupils AS counted FROM enrolment_count WHERE school_year = :year) x
					ON x.organisation_id = o.id
				WHERE o.type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')""").param("year", year).query((ResultSet rs) -> {
			long counted = rs.getLong("counted");
			pupils.put(rs.getLong("id"), counted > 0 ? counted : rs.getLong("pupils"));
		});
		return pupils;
	}

}
