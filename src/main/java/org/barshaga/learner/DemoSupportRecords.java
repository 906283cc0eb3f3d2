package org.barshaga.learner;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.barshaga.kernel.BulkRows;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;

/**
 * The support a demo child receives after the conclusion: the plan of the school year
 * with its goals, services and reviews, the sessions delivered at the school's uneven
 * rate, and a functioning profile. Apart from {@link DemoLearners}, which writes the
 * record itself, because these rows are the ones the delivery indicators read.
 */
final class DemoSupportRecords {

	private static final String BY = DemoLearners.BY;

	private final BulkRows rows;

	DemoSupportRecords(BulkRows rows) {
		this.rows = rows;
	}

	void plan(long learner, SchoolYear year, Map<SpecialistType, Double> hours, Long specialist, LocalDate today,
			Instant now, SplittableRandom random) {
		long plan = id("plan");
		LocalDate started = year.start().plusDays(9 + random.nextInt(20));
		add("""
				INSERT INTO plan (id, learner_id, school_year, started_on, adaptations, created_at, created_by,
					updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", plan, learner,
				year.startYear(), Date.valueOf(started),
				"Простые инструкции, визуальное расписание, дополнительное время", ts(now), BY, ts(now), BY);
		List<Long> goals = new ArrayList<>();
		GoalDomain[] domains = GoalDomain.values();
		for (int g = 0; g < 2 + random.nextInt(2); g++) {
			long goal = id("plan_goal");
			goals.add(goal);
			GoalDomain domain = domains[random.nextInt(domains.length)];
			add("""
					INSERT INTO plan_goal (id, plan_id, goal_domain, description, baseline, target_state, measure)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", goal, plan, domain.name(),
					"Goal " + (g + 1) + ": " + domain.name(), "observed in September", "independently by May",
					"observation, 5 trials");
		}
		hours.forEach((type, h) -> add("""
				INSERT INTO plan_service (plan_id, specialist, weekly_hours, assigned_user_id) VALUES (?, ?, ?, ?)""",
				plan, type.name(), h, type == SpecialistType.SPEECH_THERAPIST ? specialist : null));
		for (int term : year.termsDueForReview(today)) {
			if (started.isBefore(year.termEnd(term)) && random.nextDouble() < 0.75) {
				long review = id("plan_review");
				add("""
						INSERT INTO plan_review (id, plan_id, term_number, reviewed_on, recorded_at, recorded_by)
						VALUES (?, ?, ?, ?, ?, ?)""", review, plan, term,
						Date.valueOf(year.termEnd(term).plusDays(random.nextInt(10))), ts(now), BY);
				for (long goal : goals) {
					add("INSERT INTO goal_rating (review_id, goal_id, score, remark) VALUES (?, ?, ?, NULL)", review,
							goal, random.nextInt(5) - 2);
				}
			}
		}
	}

	/**
	 * Sessions of last month and this month, and of May of the two school years before,
	 * the month the indicators compare delivered with recommended support in for a past
	 * year; delivered at the school's uneven rate.
	 */
	void sessions(long learner, Map<SpecialistType, Double> hours, double delivery, LocalDate today, Instant now,
			SplittableRandom random) {
		YearMonth current = YearMonth.from(today);
		for (Map.Entry<SpecialistType, Double> service : hours.entrySet()) {
			if (random.nextDouble() < 0.15) {
				continue;
			}
			int perWeek = (int) Math.ceil(service.getValue() * 60 / 45);
			int year = SchoolYear.of(today).startYear();
			Set<YearMonth> months = new TreeSet<>(
					List.of(current.minusMonths(1), current, YearMonth.of(year, 5), YearMonth.of(year - 1, 5)));
			for (YearMonth month : months) {
				if (!SchoolYear.isSchoolMonth(month)) {
					continue;
				}
				LocalDate last = month.equals(current) ? today : month.atEndOfMonth();
				for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(7)) {
					for (int s = 0; s < perWeek; s++) {
						if (random.nextDouble() > delivery) {
							continue;
						}
						LocalDate held = day.plusDays(Math.min(4, s));
						if (held.isAfter(last) || held.getDayOfWeek().getValue() > 5) {
							continue;
						}
						boolean attended = random.nextDouble() > 0.08;
						add("""
								INSERT INTO support_session (id, learner_id, held_on, minutes, specialist, grouped,
									attended, missed_reason, recorded_at, recorded_by)
								VALUES (?, ?, ?, 45, ?, ?, ?, ?, ?, ?)""", id("support_session"), learner,
								Date.valueOf(held), service.getKey().name(), random.nextDouble() < 0.3, attended,
								attended ? null : MissedReason.ILLNESS.name(), ts(now), BY);
					}
				}
			}
		}
	}

	void functioning(long learner, int age, SenCategory category, LocalDate concluded, Instant now,
			SplittableRandom random) {
		CfmAgeGroup group = CfmAgeGroup.AGES_5_17;
		Map<String, String> answers = new LinkedHashMap<>();
		for (String question : ChildFunctioning.questions(group)) {
			List<String> allowed = ChildFunctioning.answers(group, question);
			answers.put(question, allowed.get(question.startsWith("uses") ? 1 : random.nextDouble() < 0.8 ? 0 : 1));
		}
		String affected = switch (category) {
			case HEARING -> "hearing";
			case VISION -> "seeing";
			case SPEECH -> "communicationOutsideHousehold";
			case MOTOR -> "walking100mComparedToPeers";
			case AUTISM -> "makingFriends";
			case EMOTIONAL_BEHAVIOURAL -> "controllingBehaviour";
			default -> "learning";
		};
		answers.put(affected, random.nextBoolean() ? "A_LOT_OF_DIFFICULTY" : "SOME_DIFFICULTY");
		FunctioningResult result = ChildFunctioning.evaluate(group, answers);
		StringBuilder flagged = new StringBuilder();
		result.domains().forEach((domain, flag) -> {
			if (flag) {
				flagged.append(flagged.isEmpty() ? "" : ",").append(domain);
			}
		});
		StringBuilder text = new StringBuilder();
		new TreeMap<>(answers)
			.forEach((k, v) -> text.append(text.isEmpty() ? "" : ";").append(k).append('=').append(v));
		add("""
				INSERT INTO functioning (id, learner_id, assessed_on, age_group, answers, flagged_domains,
					functional_difficulty, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				id("functioning"), learner, Date.valueOf(concluded), group.name(), text.toString(), flagged.toString(),
				result.functionalDifficulty(), ts(now), BY);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private long id(String table) {
		return rows.id(table);
	}

	private void add(String sql, Object... row) {
		rows.add(sql, row);
	}

}
