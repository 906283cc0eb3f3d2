package org.barshaga.indicators;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of outcomes: for each term with results or attendance, every learner with SEN
 * (a pupil of the year's enrolment extract whose learner record has a conclusion made by
 * the term's end) compared with the peers of the same school and grade who sat the same
 * assessment. A row is one learner in one term: the learner's gap in points and a count
 * of one, so that a place's gap is the mean over its learners, that is the mean over its
 * school-and-grade cells weighted by their learners with SEN. docs/indicators.md,
 * "Outcomes", defines them. Only codes, counts and points are kept.
 */
final class OutcomeFacts {

	/** The share of the term's recommended hours that counts as support delivered. */
	static final double DELIVERED = 0.8;

	/**
	 * Fewest peers in a cell (one subject's assessment, or a term's attendance, of a
	 * school and grade) for the cell to be compared with: a smaller group is no mean to
	 * publish, and would give its few children's results away.
	 */
	static final int FEWEST_PEERS = Suppression.THRESHOLD;

	/**
	 * Joins results or attendance {@code r} to the pupil's row {@code e} of the extract,
	 * on the IIN as a number: a hash of numbers and an estimate the planner can make,
	 * where the IIN turned back into text made PostgreSQL sort both tables on disk (25 s
	 * instead of 8 s for a national term).
	 */
	private static final String PUPIL = """
			JOIN enrolment_extract e ON e.school_year = r.school_year AND CAST(e.iin AS BIGINT) = r.iin""";

	private record Conclusion(LocalDate concludedOn, String category, double weeklyHours) {
	}

	/** A learner with SEN: who, and the conclusions by the date they were made. */
	private static final class Learner {

		long id;

		String sex;

		LocalDate birthDate;

		final List<Conclusion> conclusions = new ArrayList<>();

		/** The conclusion in force on the day, or null. */
		Conclusion on(LocalDate day) {
			Conclusion found = null;
			for (Conclusion conclusion : conclusions) {
				if (!conclusion.concludedOn().isAfter(day)) {
					found = conclusion;
				}
			}
			return found;
		}

	}

	/** One learner's rows of a term: their school and grade, and each result. */
	private static final class Compared {

		final long iin;

		final int term;

		Compared(long iin, int term) {
			this.iin = iin;
			this.term = term;
		}

		String cell(int subject) {
			return key(term, school, grade, subject);
		}

		long school;

		int grade;

		double sum;

		int count;

		final List<double[]> marks = new ArrayList<>();

	}

	private final JdbcClient jdbc;

	private final YearFacts facts;

	private final int year;

	private final LocalDate today;

	private final Map<Long, Learner> byIin = new HashMap<>();

	private final Map<Long, SchoolPlace> schools = new HashMap<>();

	private OutcomeFacts(JdbcClient jdbc, YearFacts facts, int year, LocalDate today) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.year = year;
		this.today = today;
	}

	/**
	 * Reads every term of the year in one pass over each table: the tables are keyed by
	 * the pupil, so a pass for each term would read all of them once per term.
	 */
	static void load(JdbcClient jdbc, YearFacts facts, int year, LocalDate today) {
		OutcomeFacts outcomes = new OutcomeFacts(jdbc, facts, year, today);
		outcomes.learners();
		if (outcomes.byIin.isEmpty()) {
			return;
		}
		outcomes.schools();
		outcomes.results();
		outcomes.attendance();
	}

	private void learners() {
		Map<Long, Learner> byId = new HashMap<>();
		jdbc.sql("SELECT id, iin, sex, birth_date FROM learner WHERE iin IS NOT NULL").query((ResultSet rs) -> {
			Learner learner = new Learner();
			learner.id = rs.getLong("id");
			learner.sex = rs.getString("sex");
			learner.birthDate = rs.getDate("birth_date").toLocalDate();
			byId.put(learner.id, learner);
			byIin.put(Long.parseLong(rs.getString("iin").strip()), learner);
		});
		Map<Long, Double> hours = new HashMap<>();
		jdbc.sql("SELECT conclusion_id, SUM(weekly_hours) AS hours FROM conclusion_service GROUP BY conclusion_id")
			.query((ResultSet rs) -> {
				hours.put(rs.getLong("conclusion_id"), rs.getBigDecimal("hours").doubleValue());
			});
		jdbc.sql(
				"SELECT id, learner_id, concluded_on, sen_categories FROM conclusion ORDER BY learner_id, concluded_on, id")
			.query((ResultSet rs) -> {
				Learner learner = byId.get(rs.getLong("learner_id"));
				if (learner != null) {
					learner.conclusions.add(new Conclusion(rs.getDate("concluded_on").toLocalDate(),
							FactLoader.category(rs.getString("sen_categories")),
							hours.getOrDefault(rs.getLong("id"), 0.0)));
				}
			});
		byIin.values().removeIf(learner -> learner.conclusions.isEmpty());
	}

	private void schools() {
		schools.putAll(SchoolPlace.read(jdbc, "type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')"));
	}

	/** A term's end and the support its learners were given, read once per term. */
	private final Map<Integer, Term> terms = new HashMap<>();

	private record Term(LocalDate end, Map<Long, Double> delivered, double weeks) {

		String delivery(Learner learner, Conclusion conclusion) {
			return OutcomeFacts.delivery(conclusion, delivered.get(learner.id), weeks);
		}

	}

	/**
	 * Reads the term's support on first use. Never called inside another query's rows: a
	 * reading outside a transaction would hold one connection for the rows and wait for a
	 * second, and readings side by side could take the whole pool that way.
	 */
	private Term term(int term) {
		return terms.computeIfAbsent(term, this::readTerm);
	}

	private Term readTerm(int term) {
		SchoolYear schoolYear = new SchoolYear(year);
		LocalDate end = schoolYear.termEnd(term);
		LocalDate start = term == 1 ? schoolYear.start() : schoolYear.termEnd(term - 1).plusDays(1);
		// a term still running is judged on its days so far
		LocalDate upTo = today.isBefore(end) && !today.isBefore(start) ? today : end;
		Map<Long, Double> delivered = new HashMap<>();
		jdbc.sql("""
				SELECT learner_id, SUM(minutes) AS minutes FROM support_session
				WHERE attended = TRUE AND held_on >= :start AND held_on <= :end GROUP BY learner_id""")
			.param("start", Date.valueOf(start))
			.param("end", Date.valueOf(upTo))
			.query((ResultSet rs) -> {
				delivered.put(rs.getLong("learner_id"), rs.getLong("minutes") / 60.0);
			});
		return new Term(end, delivered, weekdays(start, upTo) / 5.0);
	}

	private static String delivery(Conclusion conclusion, Double deliveredHours, double weeks) {
		double recommended = conclusion.weeklyHours() * weeks;
		if (recommended <= 0) {
			return "NO_HOURS";
		}
		double hours = deliveredHours == null ? 0 : deliveredHours;
		return hours >= DELIVERED * recommended - 1e-9 ? "AT_LEAST_80" : "BELOW_80";
	}

	/**
	 * Each learner's gap in each term: for every subject they sat, their percentage minus
	 * the mean of the peers of their school and grade who sat it, where there are enough
	 * peers; the learner's gap is the mean over those subjects.
	 */
	private void results() {
		Map<String, Compared> learners = new HashMap<>();
		jdbc.sql("SELECT r.term, r.iin, r.subject, r.percentage, e.organisation_id, e.grade FROM term_result r " + PUPIL
				+ " JOIN learner l ON l.iin = e.iin WHERE r.school_year = :year")
			.param("year", year)
			.query((ResultSet rs) -> {
				long iin = rs.getLong("iin");
				int term = rs.getInt("term");
				Learner learner = byIin.get(iin);
				if (learner != null && learner.on(new SchoolYear(year).termEnd(term)) != null) {
					Compared compared = learners.computeIfAbsent(term + "/" + iin, k -> new Compared(iin, term));
					compared.school = rs.getLong("organisation_id");
					compared.grade = rs.getInt("grade");
					compared.marks.add(new double[] { rs.getInt("subject"), rs.getDouble("percentage") });
				}
			});
		if (learners.isEmpty()) {
			return;
		}
		// every pupil's sums by term, school, grade and subject, less the learners' own
		Map<String, double[]> cells = new HashMap<>();
		for (Compared compared : learners.values()) {
			for (double[] mark : compared.marks) {
				cells.computeIfAbsent(compared.cell((int) mark[0]), k -> new double[2]);
			}
		}
		jdbc.sql("SELECT r.term, e.organisation_id, e.grade, r.subject, COUNT(*) AS pupils, SUM(r.percentage) AS total"
				+ " FROM term_result r " + PUPIL + " WHERE r.school_year = :year"
				+ " GROUP BY r.term, e.organisation_id, e.grade, r.subject")
			.param("year", year)
			.query((ResultSet rs) -> {
				double[] cell = cells.get(key(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)));
				if (cell != null) {
					cell[0] += rs.getLong("pupils");
					cell[1] += rs.getDouble("total");
				}
			});
		for (Compared compared : learners.values()) {
			for (double[] mark : compared.marks) {
				double[] cell = cells.get(compared.cell((int) mark[0]));
				cell[0]--;
				cell[1] -= mark[1];
			}
		}
		for (Compared compared : learners.values()) {
			for (double[] mark : compared.marks) {
				double[] peers = cells.get(compared.cell((int) mark[0]));
				if (peers[0] >= FEWEST_PEERS) {
					compared.sum += mark[1] - peers[1] / peers[0];
					compared.count++;
				}
			}
			if (compared.count > 0) {
				add(compared, Measure.ATTAINMENT_GAP_POINTS, compared.sum / compared.count,
						Measure.ATTAINMENT_SEN_COMPARED);
			}
		}
	}

	/**
	 * Each learner's gap in attendance in each term: their share of school days absent
	 * (with a valid reason or without) minus the mean share of the peers of their school
	 * and grade, in percentage points.
	 */
	private void attendance() {
		Map<String, Compared> learners = new HashMap<>();
		jdbc.sql("SELECT r.term, r.iin, r.school_days, r.absent_excused + r.absent_unexcused AS absent,"
				+ " e.organisation_id, e.grade FROM term_attendance r " + PUPIL
				+ " JOIN learner l ON l.iin = e.iin WHERE r.school_year = :year")
			.param("year", year)
			.query((ResultSet rs) -> {
				long iin = rs.getLong("iin");
				int term = rs.getInt("term");
				Learner learner = byIin.get(iin);
				if (learner != null && learner.on(new SchoolYear(year).termEnd(term)) != null) {
					Compared compared = learners.computeIfAbsent(term + "/" + iin, k -> new Compared(iin, term));
					compared.school = rs.getLong("organisation_id");
					compared.grade = rs.getInt("grade");
					compared.sum = 100.0 * rs.getInt("absent") / rs.getInt("school_days");
				}
			});
		if (learners.isEmpty()) {
			return;
		}
		Map<String, double[]> cells = new HashMap<>();
		learners.values().forEach(c -> cells.computeIfAbsent(c.cell(0), k -> new double[2]));
		jdbc.sql("SELECT r.term, e.organisation_id, e.grade, COUNT(*) AS pupils,"
				+ " SUM(100.0 * (r.absent_excused + r.absent_unexcused) / r.school_days) AS total"
				+ " FROM term_attendance r " + PUPIL + " WHERE r.school_year = :year"
				+ " GROUP BY r.term, e.organisation_id, e.grade")
			.param("year", year)
			.query((ResultSet rs) -> {
				double[] cell = cells.get(key(rs.getInt(1), rs.getLong(2), rs.getInt(3), 0));
				if (cell != null) {
					cell[0] += rs.getLong("pupils");
					cell[1] += rs.getDouble("total");
				}
			});
		learners.values().forEach(c -> {
			double[] cell = cells.get(c.cell(0));
			cell[0]--;
			cell[1] -= c.sum;
		});
		for (Compared compared : learners.values()) {
			double[] peers = cells.get(compared.cell(0));
			if (peers[0] >= FEWEST_PEERS) {
				add(compared, Measure.ATTENDANCE_GAP_POINTS, compared.sum - peers[1] / peers[0],
						Measure.ATTENDANCE_SEN_COMPARED);
			}
		}
	}

	private void add(Compared compared, Measure points, double gap, Measure count) {
		SchoolPlace school = schools.get(compared.school);
		if (school == null) {
			return;
		}
		if (facts.place(school.path()) == null) {
			facts.place(school.place());
		}
		Term term = term(compared.term);
		Learner learner = byIin.get(compared.iin);
		Conclusion conclusion = learner.on(term.end());
		byte[] dimensions = YearFacts.noDimensions();
		if (school.settlement() != null) {
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(school.settlement());
		}
		dimensions[Dimension.SEX.ordinal()] = (byte) Dimension.SEX.index(learner.sex);
		int age = new SchoolYear(year).ageAtStart(learner.birthDate);
		dimensions[Dimension.AGE_GROUP.ordinal()] = (byte) Dimension.AGE_GROUP.index(Dimension.ageGroup(age));
		dimensions[Dimension.SEN_CATEGORY.ordinal()] = (byte) Dimension.SEN_CATEGORY.index(conclusion.category());
		dimensions[Dimension.TERM.ordinal()] = (byte) (compared.term - 1);
		dimensions[Dimension.SUPPORT_DELIVERED.ordinal()] = (byte) Dimension.SUPPORT_DELIVERED
			.index(term.delivery(learner, conclusion));
		double[] row = new double[Measure.columns(Measure.Scope.OUTCOME)];
		row[points.column()] = gap;
		row[count.column()] = 1;
		facts.add(school.path(), true, dimensions, Measure.Scope.OUTCOME, row);
	}

	private static String key(int term, long school, int grade, int subject) {
		return term + "/" + school + "/" + grade + "/" + subject;
	}

	/** Weekdays from the first day to the last, both included. */
	static int weekdays(LocalDate first, LocalDate last) {
		int days = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

}
