package org.barshaga.learner;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.barshaga.kernel.SpecialistType;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the health part of a record: PMPC conclusions, functioning profiles and
 * support levels. Read only after the learner was found in scope.
 */
@Repository
class SenRecordRepository {

	private final JdbcClient jdbc;

	SenRecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Conclusions and functioning

	List<Conclusion> conclusions(long learnerId) {
		Map<Long, Map<SpecialistType, BigDecimal>> hours = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT cs.* FROM conclusion_service cs JOIN conclusion c ON c.id = cs.conclusion_id
				WHERE c.learner_id = :id""").param("id", learnerId).query((ResultSet rs) -> {
			hours.computeIfAbsent(rs.getLong("conclusion_id"), k -> new EnumMap<>(SpecialistType.class))
				.put(SpecialistType.valueOf(rs.getString("specialist")), rs.getBigDecimal("weekly_hours"));
		});
		return jdbc.sql("""
				SELECT c.*, o.code, o.name_kk, o.name_ru, o.name_en FROM conclusion c
				JOIN organisation o ON o.id = c.pmpc_id
				WHERE c.learner_id = :id ORDER BY c.concluded_on DESC, c.id DESC""")
			.param("id", learnerId)
			.query((rs, n) -> new Conclusion(rs.getLong("id"), rs.getDate("concluded_on").toLocalDate(),
					rs.getLong("pmpc_id"), rs.getString("code"), Rows.name(rs), rs.getString("conclusion_number"),
					Rows.decode(SenCategory.class, rs.getString("sen_categories")),
					Programme.valueOf(rs.getString("programme")), EducationForm.valueOf(rs.getString("form")),
					hours.getOrDefault(rs.getLong("id"), Map.of()),
					Rows.decode(RecommendedCondition.class, rs.getString("conditions")),
					rs.getDate("next_review_on").toLocalDate(), Rows.instant(rs, "recorded_at"),
					rs.getString("recorded_by")))
			.list();
	}

	long insertConclusion(long learnerId, long pmpcId, ConclusionDraft c, String by, Instant now) {
		long id = insert("""
				INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
					form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (:learnerId, :concludedOn, :pmpcId, :number, :sen, :programme, :form, :conditions, :nextReviewOn,
					:now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("concludedOn", Date.valueOf(c.concludedOn()))
					.addValue("pmpcId", pmpcId)
					.addValue("number", c.number())
					.addValue("sen", Rows.encode(c.senCategories()))
					.addValue("programme", c.programme().name())
					.addValue("form", c.form().name())
					.addValue("conditions", Rows.encode(c.conditions()))
					.addValue("nextReviewOn", Date.valueOf(c.nextReviewOn())),
				by, now);
		c.weeklyHours()
			.forEach((specialist, hours) -> jdbc
				.sql("INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (:id, :s, :h)")
				.param("id", id)
				.param("s", specialist.name())
				.param("h", hours)
				.update());
		return id;
	}

	List<Functioning> functioning(long learnerId) {
		return jdbc.sql("SELECT * FROM functioning WHERE learner_id = :id ORDER BY assessed_on DESC, id DESC")
			.param("id", learnerId)
			.query((rs, n) -> {
				CfmAgeGroup group = CfmAgeGroup.valueOf(rs.getString("age_group"));
				Set<String> flagged = Set.of(rs.getString("flagged_domains").split(","));
				Map<String, Boolean> domains = new LinkedHashMap<>();
				ChildFunctioning.domains(group).forEach(d -> domains.put(d, flagged.contains(d)));
				return new Functioning(rs.getLong("id"), rs.getDate("assessed_on").toLocalDate(), group,
						decodeAnswers(rs.getString("answers")),
						new FunctioningResult(domains, rs.getBoolean("functional_difficulty")),
						Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));
			})
			.list();
	}

	long insertFunctioning(long learnerId, FunctioningDraft f, FunctioningResult result, String by, Instant now) {
		String flagged = result.domains()
			.entrySet()
			.stream()
			.filter(Map.Entry::getValue)
			.map(Map.Entry::getKey)
			.collect(Collectors.joining(","));
		String answers = new TreeMap<>(f.answers()).entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(";"));
		return insert("""
				INSERT INTO functioning (learner_id, assessed_on, age_group, answers, flagged_domains,
					functional_difficulty, recorded_at, recorded_by)
				VALUES (:learnerId, :assessedOn, :ageGroup, :answers, :flagged, :difficulty, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("assessedOn", Date.valueOf(f.assessedOn()))
					.addValue("ageGroup", f.ageGroup().name())
					.addValue("answers", answers)
					.addValue("flagged", flagged)
					.addValue("difficulty", result.functionalDifficulty()),
				by, now);
	}

	private static Map<String, String> decodeAnswers(String text) {
		Map<String, String> answers = new LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String pair : text.split(";")) {
				int eq = pair.indexOf('=');
				answers.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return answers;
	}

	// Support levels

	List<SupportLevelEntry> supportLevels(long learnerId) {
		return jdbc.sql("SELECT * FROM support_level WHERE learner_id = :id ORDER BY set_on DESC, id DESC")
			.param("id", learnerId)
			.query((rs, n) -> new SupportLevelEntry(rs.getLong("id"), SupportLevel.of(rs.getInt("level_number")),
					rs.getDate("set_on").toLocalDate(), rs.getString("rationale"), Rows.instant(rs, "recorded_at"),
					rs.getString("recorded_by")))
			.list();
	}

	long insertSupportLevel(long learnerId, SupportLevelDraft s, String by, Instant now) {
		return insert("""
				INSERT INTO support_level (learner_id, level_number, set_on, rationale, recorded_at, recorded_by)
				VALUES (:learnerId, :level, :setOn, :rationale, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("level", s.level())
					.addValue("setOn", Date.valueOf(s.setOn()))
					.addValue("rationale", s.rationale()),
				by, now);
	}

	private long insert(String sql, MapSqlParameterSource parameters, String by, Instant now) {
		return Rows.insert(jdbc, sql, parameters, by, now);
	}

}
