package org.barshaga.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.learner.EducationForm;
import org.barshaga.learner.SenCategory;
import org.barshaga.learner.SupportLevel;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.kernel.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the facts of a school year from the registers, for the whole country, in a few
 * aggregate-sized queries: the schools' figures from the conditions module, pupils from
 * the enrolment extract, and the learners' records joined in memory by learner id. Only
 * codes and counts are kept; no name of a child leaves this class.
 */
@Component
class FactLoader {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FactLoader.class);

	private static final int SEX = Dimension.SEX.ordinal();

	/** School age for the children of the health registry: 6 to 17 on 1 September. */
	static final int SCHOOL_AGE_FROM = 6;

	static final int SCHOOL_AGE_TO = 17;

	private final JdbcClient jdbc;

	private final SchoolConditions conditions;

	private final AdminUnits units;

	private final Clock clock;

	FactLoader(JdbcClient jdbc, SchoolConditions conditions, AdminUnits units, Clock clock) {
		this.jdbc = jdbc;
		this.conditions = conditions;
		this.units = units;
		this.clock = clock;
	}

	YearFacts load(int year, long version) {
		LocalDate census = conditions.census(year);
		YearMonth month = new SchoolYear(year).referenceMonth(LocalDate.now(clock));
		YearFacts facts = new YearFacts(year, census, month, version);
		long start = System.nanoTime();
		places(facts);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// Inside a transaction, only its own connection sees what it has written.
			SchoolFacts.load(jdbc, conditions, clock, facts, year);
			learners(facts, year, census, month);
			ReconciledFacts.load(jdbc, facts, year);
			SupportFacts.load(jdbc, facts, year, LocalDate.now(clock));
			OutcomeFacts.load(jdbc, facts, year, LocalDate.now(clock));
			CohortFacts.load(jdbc, facts, year);
			QualityFacts.load(jdbc, facts, year);
		}
		else {
			// The schools' figures and the learners' records are read side by side, each
			// on its
			// own connection, so that one's queries run while the other's rows are
			// counted.
			CompletableFuture<Void> schools = CompletableFuture.runAsync(
					() -> SchoolFacts.load(jdbc, conditions, clock, facts, year),
					runnable -> new Thread(runnable, "indicator-facts").start());
			learners(facts, year, census, month);
			ReconciledFacts.load(jdbc, facts, year);
			SupportFacts.load(jdbc, facts, year, LocalDate.now(clock));
			OutcomeFacts.load(jdbc, facts, year, LocalDate.now(clock));
			CohortFacts.load(jdbc, facts, year);
			QualityFacts.load(jdbc, facts, year);
			try {
				schools.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
			}
		}
		ErasedFacts.addTo(jdbc, facts);
		facts.derive(Measure.SPECIALIST_GAP_LEARNERS, FactLoader::childrenBehindGap);
		facts.seal();
		log.info("Facts of school year {}: {} rows in {} ms", year, facts.size(),
				(System.nanoTime() - start) / 1_000_000);
		return facts;
	}

	private void places(YearFacts facts) {
		for (OrgUnit unit : units.within(DataScope.NATION)) {
			facts.place(new YearFacts.Place(unit.code(), unit.path(), unit.name(), false));
			if (unit.parentCode() != null && unit.depth() <= 2) {
				facts.childUnit(unit.path().substring(0, unit.path().lastIndexOf('/', unit.path().length() - 2) + 1),
						unit.path());
			}
		}
	}

	/** A learner's facts on the census day, gathered from the registers by id. */
	private static final class Learner {

		String path;

		boolean organisation;

		String sex;

		LocalDate birthDate;

		Conclusion atCensus;

		Conclusion atMonthEnd;

		String form;

		boolean inSchool;

		String settlement;

		int supportLevel;

		Map<String, Long> minutes = Map.of();

		Long plan;

	}

	private record Conclusion(long id, LocalDate concludedOn, String categories, LocalDate nextReviewOn) {
	}

	private void learners(YearFacts facts, int year, LocalDate census, YearMonth month) {
		LocalDate monthEnd = month == null ? census : month.atEndOfMonth();
		LocalDate upTo = monthEnd.isAfter(census) ? monthEnd : census;
		Map<Long, Learner> learners = new HashMap<>();
		jdbc.sql("SELECT id, sex, birth_date, path FROM learner").query((ResultSet rs) -> {
			Learner learner = new Learner();
			learner.sex = rs.getString("sex");
			learner.birthDate = rs.getDate("birth_date").toLocalDate();
			learner.path = rs.getString("path");
			learners.put(rs.getLong("id"), learner);
		});
		jdbc.sql("""
				SELECT learner_id, id, concluded_on, sen_categories, next_review_on FROM conclusion
				WHERE concluded_on <= :upTo ORDER BY learner_id, concluded_on, id""")
			.param("upTo", Date.valueOf(upTo))
			.query((ResultSet rs) -> {
				Learner learner = learners.get(rs.getLong("learner_id"));
				Conclusion conclusion = new Conclusion(rs.getLong("id"), rs.getDate("concluded_on").toLocalDate(),
						rs.getString("sen_categories"), rs.getDate("next_review_on").toLocalDate());
				if (!conclusion.concludedOn().isAfter(census)) {
					learner.atCensus = conclusion;
				}
				if (!conclusion.concludedOn().isAfter(monthEnd)) {
					learner.atMonthEnd = conclusion;
				}
			});
		learners.values().removeIf(learner -> learner.atCensus == null);
		Map<Long, Map<String, BigDecimal>> services = new HashMap<>();
		jdbc.sql("""
				SELECT s.conclusion_id, s.specialist, s.weekly_hours FROM conclusion_service s
				JOIN conclusion c ON c.id = s.conclusion_id WHERE c.concluded_on <= :upTo""")
			.param("upTo", Date.valueOf(upTo))
			.query((ResultSet rs) -> {
				services.computeIfAbsent(rs.getLong("conclusion_id"), k -> new HashMap<>())
					.put(rs.getString("specialist"), rs.getBigDecimal("weekly_hours"));
			});
		Map<Long, YearFacts.Place> organisations = new HashMap<>();
		Map<Long, String[]> kinds = new HashMap<>();
		jdbc.sql("SELECT id, code, path, type, settlement, name_kk, name_ru, name_en FROM organisation")
			.query((ResultSet rs) -> {
				organisations.put(rs.getLong("id"), new YearFacts.Place(rs.getString("code"), rs.getString("path"),
						new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
						true));
				kinds.put(rs.getLong("id"), new String[] { rs.getString("type"), rs.getString("settlement") });
			});
		jdbc.sql("""
				SELECT learner_id, organisation_id, form FROM enrolment
				WHERE started_on <= :census AND (ended_on IS NULL OR ended_on > :census)
				ORDER BY learner_id, started_on, id""").param("census", Date.valueOf(census)).query((ResultSet rs) -> {
			Learner learner = learners.get(rs.getLong("learner_id"));
			if (learner == null) {
				return;
			}
			YearFacts.Place organisation = organisations.get(rs.getLong("organisation_id"));
			String[] kind = kinds.get(rs.getLong("organisation_id"));
			learner.path = organisation.path();
			learner.organisation = true;
			learner.form = rs.getString("form");
			learner.settlement = kind[1];
			learner.inSchool = kind[0].equals("GENERAL_SCHOOL") || kind[0].equals("SPECIAL_SCHOOL");
			if (facts.place(learner.path) == null) {
				facts.place(organisation);
			}
		});
		jdbc.sql(
				"SELECT learner_id, level_number FROM support_level WHERE set_on <= :census ORDER BY learner_id, set_on, id")
			.param("census", Date.valueOf(census))
			.query((ResultSet rs) -> {
				Learner learner = learners.get(rs.getLong("learner_id"));
				if (learner != null) {
					learner.supportLevel = rs.getInt("level_number");
				}
			});
		Set<Long> consented = new HashSet<>();
		jdbc.sql("""
				SELECT DISTINCT learner_id FROM consent WHERE purpose = 'DATA_PROCESSING' AND given_on <= :census
				AND (withdrawn_on IS NULL OR withdrawn_on > :census)""")
			.param("census", Date.valueOf(census))
			.query((ResultSet rs) -> {
				consented.add(rs.getLong("learner_id"));
			});
		if (month != null) {
			jdbc.sql("""
					SELECT learner_id, specialist, SUM(minutes) AS minutes FROM support_session
					WHERE attended = TRUE AND held_on >= :first AND held_on <= :last GROUP BY learner_id, specialist""")
				.param("first", Date.valueOf(month.atDay(1)))
				.param("last", Date.valueOf(month.atEndOfMonth()))
				.query((ResultSet rs) -> {
					Learner learner = learners.get(rs.getLong("learner_id"));
					if (learner != null) {
						if (learner.minutes.isEmpty()) {
							learner.minutes = new HashMap<>();
						}
						learner.minutes.put(rs.getString("specialist"), rs.getLong("minutes"));
					}
				});
		}
		Plans plans = plans(year, learners);
		double teachingWeeks = month == null ? 0 : SchoolYear.teachingWeeks(month);
		for (Map.Entry<Long, Learner> entry : learners.entrySet()) {
			Learner learner = entry.getValue();
			byte[] dimensions = dimensions(learner, census);
			String path = learner.path;
			boolean organisation = learner.organisation;
			double[] row = new double[Measure.columns(Measure.Scope.LEARNER)];
			row[Measure.SEN_LEARNERS.column()] = 1;
			row[Measure.SEN_PUPILS.column()] = learner.inSchool ? 1 : 0;
			row[Measure.REVIEWS_OVERDUE.column()] = learner.atCensus.nextReviewOn().isBefore(census) ? 1 : 0;
			row[Measure.CONSENT_MISSING.column()] = consented.contains(entry.getKey()) ? 0 : 1;
			Map<String, BigDecimal> recommended = learner.atMonthEnd == null || month == null ? Map.of()
					: services.getOrDefault(learner.atMonthEnd.id(), Map.of());
			if (learner.organisation && !recommended.isEmpty()) {
				row[Measure.LEARNERS_WITH_SERVICES.column()] = 1;
				boolean served = recommended.keySet().stream().allMatch(s -> learner.minutes.getOrDefault(s, 0L) > 0);
				row[Measure.LEARNERS_SERVED.column()] = served ? 1 : 0;
				for (Map.Entry<String, BigDecimal> service : recommended.entrySet()) {
					byte[] specialist = dimensions.clone();
					specialist[Dimension.SPECIALIST.ordinal()] = (byte) Dimension.SPECIALIST.index(service.getKey());
					double[] hours = new double[Measure.columns(Measure.Scope.SERVICE)];
					hours[Measure.RECOMMENDED_HOURS.column()] = service.getValue().doubleValue() * teachingWeeks;
					hours[Measure.DELIVERED_HOURS.column()] = learner.minutes.getOrDefault(service.getKey(), 0L) / 60.0;
					facts.add(path, organisation, specialist, Measure.Scope.SERVICE, hours);
				}
			}
			plans.add(entry.getKey(), row);
			facts.add(path, organisation, dimensions, Measure.Scope.LEARNER, row);
			if (learner.inSchool) {
				needing(facts, learner, services.getOrDefault(learner.atCensus.id(), Map.of()));
			}
		}
	}

	/**
	 * Counts the child once for each type of specialist that the conclusion in force on
	 * the census day recommends, at the school's staffing row: the children behind the
	 * staff needed, by which small staffing needs are suppressed.
	 */
	private static void needing(YearFacts facts, Learner learner, Map<String, BigDecimal> recommended) {
		for (String specialist : recommended.keySet()) {
			byte[] dimensions = YearFacts.noDimensions();
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(learner.settlement);
			dimensions[Dimension.SPECIALIST.ordinal()] = (byte) Dimension.SPECIALIST.index(specialist);
			facts.add(learner.path, true, dimensions, Measure.SPECIALIST_NEED_LEARNERS, 1);
		}
	}

	/**
	 * The children behind a school's gap of one type of specialist: all those behind its
	 * need when the school is short of that specialist, none when it is not.
	 */
	private static double childrenBehindGap(double[] staffing) {
		return staffing[Measure.SPECIALIST_FTE_GAP.column()] > 0 ? staffing[Measure.SPECIALIST_NEED_LEARNERS.column()]
				: 0;
	}

	private static byte[] dimensions(Learner learner, LocalDate census) {
		byte[] dimensions = YearFacts.noDimensions();
		if (learner.settlement != null) {
			dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT.index(learner.settlement);
		}
		dimensions[SEX] = (byte) Dimension.SEX.index(learner.sex);
		int age = census.getYear() - learner.birthDate.getYear()
				- (learner.birthDate.withYear(census.getYear()).isAfter(census) ? 1 : 0);
		dimensions[Dimension.AGE_GROUP.ordinal()] = (byte) Dimension.AGE_GROUP.index(Dimension.ageGroup(age));
		dimensions[Dimension.FORM.ordinal()] = (byte) Dimension.FORM
			.index(learner.form == null ? EducationForm.NOT_ENROLLED.name() : learner.form);
		dimensions[Dimension.SUPPORT_LEVEL.ordinal()] = (byte) Dimension.SUPPORT_LEVEL
			.index(learner.supportLevel == 0 ? "NONE" : SupportLevel.values()[learner.supportLevel - 1].name());
		dimensions[Dimension.SEN_CATEGORY.ordinal()] = (byte) Dimension.SEN_CATEGORY
			.index(category(learner.atCensus.categories()));
		return dimensions;
	}

	/** One category as it is written; several count as complex (multiple) disorders. */
	static String category(String categories) {
		return categories.contains(",") ? SenCategory.MULTIPLE.name() : categories.strip();
	}

	/**
	 * The school year's plans, their term reviews and their goals' latest ratings, by
	 * learner.
	 */
	private final class Plans {

		private final Map<Long, long[]> byLearner = new HashMap<>();

		void add(long learner, double[] row) {
			long[] plan = byLearner.get(learner);
			if (plan != null) {
				row[Measure.PLANS.column()] = 1;
				row[Measure.PLANS_REVIEW_OVERDUE.column()] = plan[0];
				row[Measure.GOALS_RATED.column()] = plan[1];
				row[Measure.GOALS_MET.column()] = plan[2];
			}
		}

	}

	private Plans plans(int year, Map<Long, Learner> learners) {
		SchoolYear schoolYear = new SchoolYear(year);
		LocalDate today = LocalDate.now(clock);
		List<Integer> due = schoolYear.termsDueForReview(today.isBefore(schoolYear.end()) ? today : schoolYear.end());
		Map<Long, Long> learnerOfPlan = new HashMap<>();
		Map<Long, LocalDate> startOfPlan = new HashMap<>();
		jdbc.sql("SELECT id, learner_id, started_on FROM plan WHERE school_year = :year")
			.param("year", year)
			.query((ResultSet rs) -> {
				if (learners.containsKey(rs.getLong("learner_id"))) {
					learnerOfPlan.put(rs.getLong("id"), rs.getLong("learner_id"));
					startOfPlan.put(rs.getLong("id"), rs.getDate("started_on").toLocalDate());
				}
			});
		Map<Long, Set<Integer>> reviewed = new HashMap<>();
		jdbc.sql("""
				SELECT r.plan_id, r.term_number FROM plan_review r JOIN plan p ON p.id = r.plan_id
				WHERE p.school_year = :year""").param("year", year).query((ResultSet rs) -> {
			reviewed.computeIfAbsent(rs.getLong("plan_id"), k -> new HashSet<>()).add(rs.getInt("term_number"));
		});
		Map<Long, Long> planOfGoal = new HashMap<>();
		jdbc.sql("SELECT g.id, g.plan_id FROM plan_goal g JOIN plan p ON p.id = g.plan_id WHERE p.school_year = :year")
			.param("year", year)
			.query((ResultSet rs) -> {
				planOfGoal.put(rs.getLong("id"), rs.getLong("plan_id"));
			});
		Map<Long, int[]> latestRating = new HashMap<>();
		jdbc.sql("""
				SELECT g.goal_id, r.term_number, g.score FROM goal_rating g JOIN plan_review r ON r.id = g.review_id
				JOIN plan p ON p.id = r.plan_id WHERE p.school_year = :year""")
			.param("year", year)
			.query((ResultSet rs) -> {
				int term = rs.getInt("term_number");
				int[] latest = latestRating.get(rs.getLong("goal_id"));
				if (latest == null || latest[0] < term) {
					latestRating.put(rs.getLong("goal_id"), new int[] { term, rs.getInt("score") });
				}
			});
		Plans plans = new Plans();
		for (Map.Entry<Long, Long> plan : learnerOfPlan.entrySet()) {
			LocalDate started = startOfPlan.get(plan.getKey());
			Set<Integer> terms = reviewed.getOrDefault(plan.getKey(), Set.of());
			boolean overdue = due.stream()
				.anyMatch(term -> started.isBefore(schoolYear.termEnd(term)) && !terms.contains(term));
			plans.byLearner.put(plan.getValue(), new long[] { overdue ? 1 : 0, 0, 0 });
		}
		for (Map.Entry<Long, Long> goal : planOfGoal.entrySet()) {
			Long learner = learnerOfPlan.get(goal.getValue());
			int[] rating = latestRating.get(goal.getKey());
			if (learner != null && rating != null) {
				long[] counts = plans.byLearner.get(learner);
				counts[1]++;
				counts[2] += rating[1] >= 0 ? 1 : 0;
			}
		}
		return plans;
	}

}
