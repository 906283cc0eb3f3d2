package org.barshaga.learner;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.SpecialistType;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of individual development plans: goals, planned services, term reviews. Read
 * only after the learner was found in scope.
 */
@Repository
class PlanRepository {

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Plan> plans(long learnerId) {
		Map<Long, List<Plan.Goal>> goals = new LinkedHashMap<>();
		jdbc.sql("SELECT g.* FROM plan_goal g JOIN plan p ON p.id = g.plan_id WHERE p.learner_id = :id ORDER BY g.id")
			.param("id", learnerId)
			.query((ResultSet rs) -> {
				goals.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
					.add(new Plan.Goal(rs.getLong("id"), GoalDomain.valueOf(rs.getString("goal_domain")),
							rs.getString("description"), rs.getString("baseline"), rs.getString("target_state"),
							rs.getString("measure")));
			});
		Map<Long, List<Plan.PlannedService>> services = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.*, u.full_name FROM plan_service s JOIN plan p ON p.id = s.plan_id
				LEFT JOIN app_user u ON u.id = s.assigned_user_id
				WHERE p.learner_id = :id ORDER BY s.specialist""").param("id", learnerId).query((ResultSet rs) -> {
			services.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
				.add(new Plan.PlannedService(SpecialistType.valueOf(rs.getString("specialist")),
						rs.getBigDecimal("weekly_hours"), (Long) rs.getObject("assigned_user_id", Long.class),
						rs.getString("full_name")));
		});
		Map<Long, Map<Long, Plan.Rating>> ratings = new LinkedHashMap<>();
		jdbc.sql(
				"""
						SELECT gr.* FROM goal_rating gr JOIN plan_review r ON r.id = gr.review_id JOIN plan p ON p.id = r.plan_id
						WHERE p.learner_id = :id""")
			.param("id", learnerId)
			.query((ResultSet rs) -> {
				ratings.computeIfAbsent(rs.getLong("review_id"), k -> new LinkedHashMap<>())
					.put(rs.getLong("goal_id"), new Plan.Rating(rs.getInt("score"), rs.getString("remark")));
			});
		Map<Long, List<Plan.Review>> reviews = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.* FROM plan_review r JOIN plan p ON p.id = r.plan_id
				WHERE p.learner_id = :id ORDER BY r.term_number""").param("id", learnerId).query((ResultSet rs) -> {
			reviews.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
				.add(new Plan.Review(rs.getLong("id"), rs.getInt("term_number"),
						rs.getDate("reviewed_on").toLocalDate(), ratings.getOrDefault(rs.getLong("id"), Map.of()),
						Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")));
		});
		return jdbc.sql("SELECT * FROM plan WHERE learner_id = :id ORDER BY school_year DESC")
			.param("id", learnerId)
			.query((rs, n) -> new Plan(rs.getLong("id"), rs.getInt("school_year"),
					rs.getDate("started_on").toLocalDate(), rs.getString("adaptations"),
					goals.getOrDefault(rs.getLong("id"), List.of()), services.getOrDefault(rs.getLong("id"), List.of()),
					reviews.getOrDefault(rs.getLong("id"), List.of()), Rows.instant(rs, "updated_at"),
					rs.getString("updated_by"), rs.getInt("version")))
			.list();
	}

	boolean planExists(long learnerId, int schoolYear) {
		return jdbc.sql("SELECT COUNT(*) FROM plan WHERE learner_id = :id AND school_year = :year")
			.param("id", learnerId)
			.param("year", schoolYear)
			.query(Long.class)
			.single() > 0;
	}

	long insertPlan(long learnerId, PlanDraft p, String by, Instant now) {
		return insert("""
				INSERT INTO plan (learner_id, school_year, started_on, adaptations, created_at, created_by, updated_at,
					updated_by, version)
				VALUES (:learnerId, :year, :startedOn, :adaptations, :now, :by, :now, :by, 0)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("year", p.schoolYear())
					.addValue("startedOn", Date.valueOf(p.startedOn()))
					.addValue("adaptations", p.adaptations()),
				by, now);
	}

	boolean updatePlan(long learnerId, long planId, PlanDraft p, String by, Instant now) {
		return jdbc
			.sql("""
					UPDATE plan SET started_on = :startedOn, adaptations = :adaptations, updated_at = :now, updated_by = :by,
						version = version + 1
					WHERE id = :id AND learner_id = :learnerId AND version = :version""")
			.param("startedOn", Date.valueOf(p.startedOn()))
			.param("adaptations", p.adaptations())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", planId)
			.param("learnerId", learnerId)
			.param("version", p.version())
			.update() == 1;
	}

	/**
	 * Marks a plan changed (a goal, service or review was added), so open edit forms
	 * conflict.
	 */
	void touchPlan(long planId, String by, Instant now) {
		jdbc.sql("UPDATE plan SET updated_at = :now, updated_by = :by, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", planId)
			.update();
	}

	long insertGoal(long planId, GoalDraft g) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO plan_goal (plan_id, goal_domain, description, baseline, target_state, measure)
				VALUES (:planId, :domain, :description, :baseline, :target, :measure)""")
			.param("planId", planId)
			.param("domain", g.domain().name())
			.param("description", g.description())
			.param("baseline", g.baseline())
			.param("target", g.target())
			.param("measure", g.measure())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Sets the planned hours of a specialist type, replacing an earlier figure for it.
	 */
	void putPlannedService(long planId, SpecialistType specialist, BigDecimal hours, Long assignedUserId) {
		jdbc.sql("DELETE FROM plan_service WHERE plan_id = :planId AND specialist = :s")
			.param("planId", planId)
			.param("s", specialist.name())
			.update();
		jdbc.sql("""
				INSERT INTO plan_service (plan_id, specialist, weekly_hours, assigned_user_id)
				VALUES (:planId, :s, :h, :u)""")
			.param("planId", planId)
			.param("s", specialist.name())
			.param("h", hours)
			.param("u", assignedUserId)
			.update();
	}

	long insertReview(long planId, ReviewDraft r, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO plan_review (plan_id, term_number, reviewed_on, recorded_at, recorded_by)
				VALUES (:planId, :term, :reviewedOn, :now, :by)""")
			.param("planId", planId)
			.param("term", r.term())
			.param("reviewedOn", Date.valueOf(r.reviewedOn()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		r.ratings()
			.forEach((goalId, rating) -> jdbc
				.sql("""
						INSERT INTO goal_rating (review_id, goal_id, score, remark) VALUES (:review, :goal, :score, :remark)""")
				.param("review", id)
				.param("goal", goalId)
				.param("score", rating.score())
				.param("remark", rating.remark())
				.update());
		return id;
	}

	/** Whether the user is assigned to one of the learner's planned services. */
	boolean isAssigned(long learnerId, long userId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM plan_service s JOIN plan p ON p.id = s.plan_id
				WHERE p.learner_id = :learnerId AND s.assigned_user_id = :userId""")
			.param("learnerId", learnerId)
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	private long insert(String sql, MapSqlParameterSource parameters, String by, Instant now) {
		return Rows.insert(jdbc, sql, parameters, by, now);
	}

}
