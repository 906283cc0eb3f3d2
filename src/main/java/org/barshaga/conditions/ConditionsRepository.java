package org.barshaga.conditions;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of school conditions, staff, criteria and norms. */
@Repository
class ConditionsRepository {

	private final JdbcClient jdbc;

	ConditionsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Surveys

	Optional<Survey> survey(long organisationId, int year) {
		Map<ConditionItem, Survey.Entry> items = new EnumMap<>(ConditionItem.class);
		jdbc.sql("""
				SELECT i.* FROM condition_item i JOIN condition_survey s ON s.id = i.survey_id
				WHERE s.organisation_id = :org AND s.school_year = :year""")
			.param("org", organisationId)
			.param("year", year)
			.query((ResultSet rs) -> {
				items.put(ConditionItem.valueOf(rs.getString("item")),
						new Survey.Entry(ItemStatus.valueOf(rs.getString("status")), rs.getString("note")));
			});
		return jdbc.sql("SELECT * FROM condition_survey WHERE organisation_id = :org AND school_year = :year")
			.param("org", organisationId)
			.param("year", year)
			.query((rs, n) -> new Survey(rs.getLong("id"), organisationId, year, items,
					(Boolean) rs.getObject("reported_created", Boolean.class),
					rs.getDate("reported_on") == null ? null : rs.getDate("reported_on").toLocalDate(),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version")))
			.optional();
	}

	long insertSurvey(long organisationId, String path, int year, SurveyDraft draft, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO condition_survey (organisation_id, school_year, path, reported_created, reported_on,
					updated_at, updated_by, version)
				VALUES (:org, :year, :path, :reported, :reportedOn, :now, :by, 0)""")
			.param("org", organisationId)
			.param("year", year)
			.param("path", path)
			.param("reported", draft.reportedCreated())
			.param("reportedOn", draft.reportedOn() == null ? null : Date.valueOf(draft.reportedOn()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertItems(id, draft);
		return id;
	}

	boolean updateSurvey(long surveyId, SurveyDraft draft, String by, Instant now) {
		int changed = jdbc.sql("""
				UPDATE condition_survey SET reported_created = :reported, reported_on = :reportedOn, updated_at = :now,
					updated_by = :by, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("reported", draft.reportedCreated())
			.param("reportedOn", draft.reportedOn() == null ? null : Date.valueOf(draft.reportedOn()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", surveyId)
			.param("version", draft.version())
			.update();
		if (changed == 1) {
			jdbc.sql("DELETE FROM condition_item WHERE survey_id = :id").param("id", surveyId).update();
			insertItems(surveyId, draft);
		}
		return changed == 1;
	}

	private void insertItems(long surveyId, SurveyDraft draft) {
		draft.items()
			.forEach((item, entry) -> jdbc
				.sql("INSERT INTO condition_item (survey_id, item, status, note) VALUES (:s, :i, :st, :note)")
				.param("s", surveyId)
				.param("i", item.name())
				.param("st", entry.status().name())
				.param("note", entry.note())
				.update());
	}

	// Staff

	List<StaffMember> staff(long organisationId) {
		Map<Long, List<Training>> trainings = new HashMap<>();
		jdbc.sql("""
				SELECT t.* FROM training t JOIN staff_member s ON s.id = t.staff_id
				WHERE s.organisation_id = :org ORDER BY t.completed_on DESC""")
			.param("org", organisationId)
			.query((ResultSet rs) -> {
				trainings.computeIfAbsent(rs.getLong("staff_id"), k -> new ArrayList<>())
					.add(new Training(rs.getLong("id"), rs.getString("course"), rs.getString("provider"),
							rs.getInt("hours"), rs.getDate("completed_on").toLocalDate(), rs.getBoolean("inclusive")));
			});
		return jdbc.sql("SELECT * FROM staff_member WHERE organisation_id = :org ORDER BY position, full_name, id")
			.param("org", organisationId)
			.query((rs, n) -> new StaffMember(rs.getLong("id"), organisationId, rs.getString("full_name"),
					rs.getString("iin"), PositionType.valueOf(rs.getString("position")), rs.getBigDecimal("fte"),
					rs.getString("qualification"), rs.getDate("started_on").toLocalDate(),
					rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate(),
					trainings.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("version")))
			.list();
	}

	/** The organisation and path of a staff member inside the scope. */
	Optional<Map.Entry<Long, String>> staffPlace(long staffId, DataScope scope) {
		return scope
			.bind(jdbc.sql("SELECT organisation_id, path FROM staff_member WHERE id = :id AND " + scope.sql("path")))
			.param("id", staffId)
			.query((rs, n) -> Map.entry(rs.getLong("organisation_id"), rs.getString("path")))
			.optional();
	}

	long insertStaff(long organisationId, String path, StaffDraft s, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO staff_member (organisation_id, path, full_name, iin, position, fte, qualification,
							started_on, ended_on, updated_at, updated_by, version)
						VALUES (:org, :path, :name, :iin, :position, :fte, :qualification, :startedOn, :endedOn, :now, :by, 0)""")
			.param("org", organisationId)
			.param("path", path)
			.param("name", s.fullName())
			.param("iin", s.iin())
			.param("position", s.position().name())
			.param("fte", s.fte())
			.param("qualification", s.qualification())
			.param("startedOn", Date.valueOf(s.startedOn()))
			.param("endedOn", s.endedOn() == null ? null : Date.valueOf(s.endedOn()))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long insertTraining(long staffId, TrainingDraft t, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO training (staff_id, course, provider, hours, completed_on, inclusive, recorded_at, recorded_by)
						VALUES (:staff, :course, :provider, :hours, :completedOn, :inclusive, :now, :by)""")
			.param("staff", staffId)
			.param("course", t.course())
			.param("provider", t.provider())
			.param("hours", t.hours())
			.param("completedOn", Date.valueOf(t.completedOn()))
			.param("inclusive", t.inclusive())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	// Facts for evaluation and staffing

	/** Survey item statuses of the year, by organisation, inside the scope. */
	Map<Long, Map<ConditionItem, ItemStatus>> items(DataScope scope, int year) {
		Map<Long, Map<ConditionItem, ItemStatus>> items = new HashMap<>();
		scope.bind(jdbc.sql("""
				SELECT s.organisation_id, i.item, i.status FROM condition_survey s
				JOIN condition_item i ON i.survey_id = s.id WHERE s.school_year = :year AND """ + " "
				+ scope.sql("s.path")))
			.param("year", year)
			.query((ResultSet rs) -> {
				items.computeIfAbsent(rs.getLong("organisation_id"), k -> new EnumMap<>(ConditionItem.class))
					.put(ConditionItem.valueOf(rs.getString("item")), ItemStatus.valueOf(rs.getString("status")));
			});
		return items;
	}

	/** What each school reports for the national indicator in the year. */
	Map<Long, Boolean> reported(DataScope scope, int year) {
		Map<Long, Boolean> reported = new HashMap<>();
		scope.bind(
				jdbc.sql("SELECT organisation_id, reported_created FROM condition_survey WHERE school_year = :year AND "
						+ scope.sql("path")))
			.param("year", year)
			.query((ResultSet rs) -> {
				reported.put(rs.getLong("organisation_id"), (Boolean) rs.getObject("reported_created", Boolean.class));
			});
		return reported;
	}

	/** FTE in post on the census day, by organisation and position. */
	Map<Long, Map<PositionType, BigDecimal>> fte(DataScope scope, LocalDate census) {
		Map<Long, Map<PositionType, BigDecimal>> fte = new HashMap<>();
		scope
			.bind(jdbc.sql("""
					SELECT organisation_id, position, SUM(fte) AS fte FROM staff_member
					WHERE started_on <= :census AND (ended_on IS NULL OR ended_on > :census) AND """ + " "
					+ scope.sql("path") + " GROUP BY organisation_id, position"))
			.param("census", Date.valueOf(census))
			.query((ResultSet rs) -> {
				fte.computeIfAbsent(rs.getLong("organisation_id"), k -> new EnumMap<>(PositionType.class))
					.put(PositionType.valueOf(rs.getString("position")), rs.getBigDecimal("fte"));
			});
		return fte;
	}

	/**
	 * Teachers in post on the census day, and those of them with an inclusive-education
	 * course completed in the three years before it, by organisation: {teachers,
	 * trained}.
	 */
	Map<Long, long[]> teachers(DataScope scope, LocalDate census) {
		Map<Long, long[]> teachers = new HashMap<>();
		scope
			.bind(jdbc
				.sql("""
						SELECT s.organisation_id, COUNT(*) AS teachers,
							SUM(CASE WHEN EXISTS (SELECT 1 FROM training t WHERE t.staff_id = s.id AND t.inclusive = TRUE
								AND t.completed_on <= :census AND t.completed_on > :since) THEN 1 ELSE 0 END) AS trained
						FROM staff_member s
						WHERE s.position = 'TEACHER' AND s.started_on <= :census AND (s.ended_on IS NULL OR s.ended_on > :census)
						  AND """
						+ " " + scope.sql("s.path") + " GROUP BY s.organisation_id"))
			.param("census", Date.valueOf(census))
			.param("since", Date.valueOf(census.minusYears(3)))
			.query((ResultSet rs) -> {
				teachers.put(rs.getLong("organisation_id"),
						new long[] { rs.getLong("teachers"), rs.getLong("trained") });
			});
		return teachers;
	}

	// Criteria sets and norms

	List<CriteriaSet> criteriaSets() {
		Map<Long, List<CriteriaSet.Version>> versions = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM criteria_version ORDER BY set_id, version DESC").query((ResultSet rs) -> {
			versions.computeIfAbsent(rs.getLong("set_id"), k -> new ArrayList<>())
				.add(new CriteriaSet.Version(rs.getLong("id"), rs.getInt("version"), rs.getString("rules"),
						rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")));
		});
		return jdbc.sql("SELECT * FROM criteria_set ORDER BY id")
			.query((rs, n) -> new CriteriaSet(rs.getLong("id"), rs.getString("code"),
					new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
					rs.getBoolean("product_default"), versions.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	void insertVersion(long setId, int version, String rules, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO criteria_version (set_id, version, rules, created_at, created_by)
				VALUES (:set, :version, :rules, :now, :by)""")
			.param("set", setId)
			.param("version", version)
			.param("rules", rules)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	List<StaffingNorm> norms() {
		return jdbc.sql("SELECT * FROM staffing_norm ORDER BY position")
			.query((rs, n) -> new StaffingNorm(PositionType.valueOf(rs.getString("position")),
					rs.getBigDecimal("weekly_hours_per_fte"), rs.getBigDecimal("yearly_cost_per_fte"),
					rs.getBoolean("product_default"), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("updated_by")))
			.list();
	}

	void updateNorm(StaffingNorm norm, String by, Instant now) {
		jdbc.sql("""
				UPDATE staffing_norm SET weekly_hours_per_fte = :hours, yearly_cost_per_fte = :cost,
					product_default = FALSE, updated_at = :now, updated_by = :by WHERE position = :position""")
			.param("hours", norm.weeklyHoursPerFte())
			.param("cost", norm.yearlyCostPerFte())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("position", norm.position().name())
			.update();
	}

}
