package org.barshaga.learner;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklists computed in SQL agree, child by child, with the same rules applied in
 * Java to the records of the demo school; and the demo data has the published shape.
 */
@BarshagaTest
class WorklistTests {

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyWorklistMatchesItsDefinitionForEachChildOfTheDemoSchool() {
		Actor school = actor("school.demo", Role.SCHOOL_COORDINATOR);
		LocalDate today = LocalDate.now();
		YearMonth last = YearMonth.from(today).minusMonths(1);
		Map<Worklist, Set<Long>> expected = new java.util.EnumMap<>(Worklist.class);
		for (Worklist worklist : Worklist.values()) {
			expected.put(worklist, new HashSet<>());
		}
		List<LearnerSummary> all = learners.search(school, new LearnerSearch(null, null, null, 0, 200)).items();
		assertThat(all).hasSizeGreaterThan(20);
		for (LearnerSummary summary : all) {
			LearnerRecord record = learners.read(school, summary.id());
			if (record.restricted()) {
				expected.get(Worklist.CONSENT_MISSING).add(summary.id());
				continue;
			}
			record.latestConclusion().ifPresent(latest -> {
				if (!latest.nextReviewOn().isAfter(today.plusDays(30))) {
					expected.get(Worklist.REVIEW_DUE).add(summary.id());
				}
				if (latest.form() != record.currentForm()) {
					expected.get(Worklist.FORM_NOT_PROVIDED).add(summary.id());
				}
				boolean enrolledAllMonth = record.currentEnrolment()
					.filter(e -> !e.startedOn().isAfter(last.atDay(1)))
					.isPresent();
				if (SchoolYear.isSchoolMonth(last) && enrolledAllMonth
						&& !latest.concludedOn().isAfter(last.atDay(1))) {
					for (SpecialistType type : latest.weeklyHours().keySet()) {
						boolean delivered = record.sessions()
							.stream()
							.anyMatch(s -> s.attended() && s.specialist() == type
									&& YearMonth.from(s.heldOn()).equals(last));
						if (!delivered) {
							expected.get(Worklist.SERVICE_NOT_DELIVERED).add(summary.id());
						}
					}
				}
			});
			if (summary.iin() != null && fallingBehind(Long.parseLong(summary.iin().strip()), today)) {
				expected.get(Worklist.FALLING_BEHIND).add(summary.id());
			}
			SchoolYear year = SchoolYear.of(today);
			record.plans().stream().filter(p -> p.schoolYear() == year.startYear()).forEach(plan -> {
				for (int term : year.termsDueForReview(today)) {
					boolean reviewed = plan.reviews().stream().anyMatch(r -> r.term() == term);
					if (plan.startedOn().isBefore(year.termEnd(term)) && !reviewed) {
						expected.get(Worklist.PLAN_REVIEW_MISSING).add(summary.id());
					}
				}
			});
		}
		Map<Worklist, Long> counts = learners.worklistCounts(school);
		for (Worklist worklist : Worklist.values()) {
			Set<Long> listed = new HashSet<>(learners.search(school, new LearnerSearch(null, null, worklist, 0, 200))
				.items()
				.stream()
				.map(LearnerSummary::id)
				.toList());
			assertThat(listed).as(worklist.name()).isEqualTo(expected.get(worklist));
			assertThat(counts.get(worklist)).as(worklist.name()).isEqualTo(listed.size());
		}
		assertThat(expected.get(Worklist.CONSENT_MISSING)).as("the demo has children without consent").isNotEmpty();
		assertThat(expected.get(Worklist.SERVICE_NOT_DELIVERED)).as("and undelivered services").isNotEmpty();
	}

	@Test
	void theDemoHasLearnersAtThePublishedRateWithValidIinsAndEveryWorklistHasContent() {
		for (String region : List.of("KZ-61", "KZ-75", "KZ-59")) {
			String pattern = "/KZ/" + region + "/%";
			long pupils = jdbc
				.sql("SELECT SUM(pupils) FROM organisation WHERE path LIKE :p"
						+ " AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')")
				.param("p", pattern)
				.query(Long.class)
				.single();
			long learnersThere = jdbc
				.sql("SELECT COUNT(*) FROM learner WHERE path LIKE :p AND created_by = 'demo-data'")
				.param("p", pattern)
				.query(Long.class)
				.single();
			assertThat(1000.0 * learnersThere / pupils).as(region).isBetween(28.0, 35.0);
		}
		jdbc.sql("SELECT iin, birth_date, sex FROM learner WHERE iin IS NOT NULL AND created_by = 'demo-data'")
			.query((rs, n) -> {
				String iin = rs.getString("iin");
				assertThat(Iin.isValid(iin)).as(iin).isTrue();
				assertThat(Iin.birthDate(iin)).isEqualTo(rs.getDate("birth_date").toLocalDate());
				assertThat(Iin.sex(iin)).isEqualTo(Sex.valueOf(rs.getString("sex")));
				return iin;
			})
			.list();
		Map<Worklist, Long> district = learners.worklistCounts(actor("district.saryagash", Role.DISTRICT_OFFICER));
		assertThat(district.values()).allMatch(count -> count > 0);
	}

	/**
	 * The worklist's rule in Java: the latest term's mean over the subjects also sat in
	 * the term before fell by 15 points or more, or the latest term's unexcused absence
	 * is above a fifth of its school days; of this school year or the last.
	 */
	private boolean fallingBehind(long iin, LocalDate today) {
		int since = SchoolYear.of(today).startYear() - 1;
		Map<Integer, Map<Integer, Double>> terms = new java.util.TreeMap<>();
		jdbc.sql("SELECT school_year, term, subject, percentage FROM term_result WHERE iin = ?")
			.params(iin)
			.query((rs, n) -> terms.computeIfAbsent(rs.getInt(1) * 4 + rs.getInt(2), k -> new java.util.HashMap<>())
				.put(rs.getInt(3), rs.getDouble(4)))
			.list();
		if (!terms.isEmpty()) {
			int latest = ((java.util.TreeMap<Integer, Map<Integer, Double>>) terms).lastKey();
			Map<Integer, Double> before = terms.get(latest - 1);
			if ((latest - 1) / 4 >= since && before != null) {
				double now = 0;
				double then = 0;
				int common = 0;
				for (Map.Entry<Integer, Double> mark : terms.get(latest).entrySet()) {
					if (before.containsKey(mark.getKey())) {
						now += mark.getValue();
						then += before.get(mark.getKey());
						common++;
					}
				}
				if (common > 0 && (then - now) / common >= 15) {
					return true;
				}
			}
		}
		List<int[]> attendance = jdbc
			.sql("SELECT school_year * 4 + term, school_days, absent_unexcused FROM term_attendance WHERE iin = ?"
					+ " ORDER BY school_year DESC, term DESC")
			.params(iin)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.list();
		return !attendance.isEmpty() && (attendance.get(0)[0] - 1) / 4 >= since
				&& attendance.get(0)[2] > attendance.get(0)[1] / 5.0;
	}

	private Actor actor(String username, Role role) {
		return jdbc.sql("SELECT id, scope_path FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> new Actor(rs.getLong("id"), username, username, role,
					new DataScope(rs.getString("scope_path"))))
			.single();
	}

}
