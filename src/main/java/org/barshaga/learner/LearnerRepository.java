package org.barshaga.learner;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SearchText;
import org.barshaga.kernel.Sex;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.InstructionLanguage;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the learner register. Reads of a learner are always limited to a scope in
 * the WHERE clause; sub-records are read only after their learner was found in scope.
 */
@Repository
class LearnerRepository {

	private static final String COLUMNS = """
			l.id, l.iin, l.no_iin_reason, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex, l.citizenship,
			l.language, l.disability, l.home_unit_code, l.path, l.updated_at, l.updated_by, l.version""";

	/** The latest conclusion of the learner {@code l}, as a condition on {@code c}. */
	static final String LATEST_CONCLUSION = """
			c.learner_id = l.id AND NOT EXISTS (SELECT 1 FROM conclusion c2 WHERE c2.learner_id = l.id
				AND (c2.concluded_on > c.concluded_on OR (c2.concluded_on = c.concluded_on AND c2.id > c.id)))""";

	static final String PROCESSING_ALLOWED = """
			EXISTS (SELECT 1 FROM consent k WHERE k.learner_id = l.id AND k.purpose = 'DATA_PROCESSING'
				AND k.given_on <= :today AND (k.withdrawn_on IS NULL OR k.withdrawn_on > :today))""";

	private final JdbcClient jdbc;

	LearnerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Learner> findInScope(long id, DataScope scope) {
		return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM learner l WHERE l.id = :id AND " + scope.sql("l.path")))
			.param("id", id)
			.query(LearnerRepository::learner)
			.optional();
	}

	/** The id and path of the learner with this IIN, wherever it is. */
	Optional<Map.Entry<Long, String>> findByIin(String iin) {
		return jdbc.sql("SELECT id, path FROM learner WHERE iin = :iin")
			.param("iin", iin)
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("path")))
			.optional();
	}

	long insert(Learner l, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, patronymic, birth_date, sex, citizenship,
							language, disability, home_unit_code, path, search_text, created_at, created_by, updated_at,
							updated_by, version)
						VALUES (:iin, :noIinReason, :surname, :givenName, :patronymic, :birthDate, :sex, :citizenship, :language,
							:disability, :homeUnitCode, :path, :searchText, :now, :by, :now, :by, 0)""")
			.paramSource(
					parameters(l).addValue("path", l.path()).addValue("now", Timestamp.from(now)).addValue("by", by))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Changes the identity when the stored version is still the one read. */
	boolean update(Learner l, int expectedVersion, DataScope scope, String by, Instant now) {
		return jdbc
			.sql("""
					UPDATE learner SET iin = :iin, no_iin_reason = :noIinReason, surname = :surname, given_name = :givenName,
						patronymic = :patronymic, birth_date = :birthDate, sex = :sex, citizenship = :citizenship,
						language = :language, disability = :disability, home_unit_code = :homeUnitCode,
						search_text = :searchText, updated_at = :now, updated_by = :by, version = version + 1
					WHERE id = :id AND version = :expectedVersion AND """
					+ " " + scope.sql("path"))
			.paramSource(scope.bind(parameters(l))
				.addValue("id", l.id())
				.addValue("expectedVersion", expectedVersion)
				.addValue("now", Timestamp.from(now))
				.addValue("by", by))
			.update() == 1;
	}

	void move(long id, String path, String by, Instant now) {
		jdbc.sql("UPDATE learner SET path = :path, updated_at = :now, updated_by = :by, version = version + 1 "
				+ "WHERE id = :id")
			.param("path", path)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", id)
			.update();
	}

	List<LearnerSummary> search(DataScope scope, LearnerSearch search, Worklist worklist, LocalDate today) {
		String sql = """
				SELECT l.id, l.surname, l.given_name, l.patronymic, l.iin, l.birth_date, l.sex, l.path, e.form,
					o.name_kk, o.name_ru, o.name_en
				FROM learner l
				LEFT JOIN enrolment e ON e.learner_id = l.id AND e.ended_on IS NULL
				LEFT JOIN organisation o ON o.id = e.organisation_id
				WHERE """ + " " + filters(scope, search, worklist, today) + """
				ORDER BY l.surname, l.given_name, l.id LIMIT :limit OFFSET :offset""";
		return bindFilters(jdbc.sql(sql), scope, search, worklist, today).param("limit", search.pageSize())
			.param("offset", search.page() * search.pageSize())
			.query((rs, n) -> new LearnerSummary(rs.getLong("id"),
					rs.getString("surname") + " " + rs.getString("given_name")
							+ (rs.getString("patronymic") == null ? "" : " " + rs.getString("patronymic")),
					rs.getString("iin"), rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")),
					rs.getString("name_ru") == null ? null
							: new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"),
									rs.getString("name_en")),
					rs.getString("form") == null ? EducationForm.NOT_ENROLLED
							: EducationForm.valueOf(rs.getString("form")),
					rs.getString("path")))
			.list();
	}

	long count(DataScope scope, LearnerSearch search, Worklist worklist, LocalDate today) {
		return bindFilters(jdbc.sql("SELECT COUNT(*) FROM learner l WHERE " + filters(scope, search, worklist, today)),
				scope, search, worklist, today)
			.query(Long.class)
			.single();
	}

	private static String filters(DataScope scope, LearnerSearch search, Worklist worklist, LocalDate today) {
		String where = scope.sql("l.path")
				+ " AND (CAST(:text AS VARCHAR) IS NULL OR l.search_text LIKE :text ESCAPE '!')"
				+ " AND l.path LIKE :placePattern ESCAPE '!'";
		return worklist == null ? where : where + " AND " + worklistCondition(worklist, today);
	}

	private static StatementSpec bindFilters(StatementSpec statement, DataScope scope, LearnerSearch search,
			Worklist worklist, LocalDate today) {
		StatementSpec bound = scope.bind(statement)
			.param("text", search.text() == null ? null : SearchText.containsPattern(search.text()))
			.param("placePattern", search.placeCode() == null ? "%" : "%/" + escape(search.placeCode()) + "/%");
		if (worklist != null) {
			bound = bound.param("today", Date.valueOf(today));
			switch (worklist) {
				case REVIEW_DUE -> bound = bound.param("reviewHorizon", Date.valueOf(today.plusDays(30)));
				case PLAN_REVIEW_MISSING -> bound = bound.param("schoolYear", SchoolYear.of(today).startYear());
				case SERVICE_NOT_DELIVERED -> {
					java.time.YearMonth last = java.time.YearMonth.from(today).minusMonths(1);
					bound = bound.param("monthStart", Date.valueOf(last.atDay(1)))
						.param("monthEnd", Date.valueOf(last.atEndOfMonth()));
				}
				default -> {
				}
			}
		}
		return bound;
	}

	private static String escape(String code) {
		return code.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/**
	 * The SQL condition on learner {@code l} of each worklist. Every list but the consent
	 * one keeps only children whose data may be processed.
	 */
	static String worklistCondition(Worklist worklist, LocalDate today) {
		return switch (worklist) {
			case CONSENT_MISSING -> "NOT " + PROCESSING_ALLOWED;
			case REVIEW_DUE -> PROCESSING_ALLOWED + " AND EXISTS (SELECT 1 FROM conclusion c WHERE " + LATEST_CONCLUSION
					+ " AND c.next_review_on <= :reviewHorizon)";
			case PLAN_REVIEW_MISSING -> {
				List<Integer> due = new SchoolYear(SchoolYear.of(today).startYear()).termsDueForReview(today);
				if (due.isEmpty()) {
					yield "1 = 0";
				}
				SchoolYear year = SchoolYear.of(today);
				String missing = due.stream()
					.map(term -> "(p.started_on < DATE '" + year.termEnd(term) + "' AND NOT EXISTS (SELECT 1 FROM "
							+ "plan_review r WHERE r.plan_id = p.id AND r.term_number = " + term + "))")
					.collect(Collectors.joining(" OR "));
				yield PROCESSING_ALLOWED + " AND EXISTS (SELECT 1 FROM plan p WHERE p.learner_id = l.id"
						+ " AND p.school_year = :schoolYear AND (" + missing + "))";
			}
			case SERVICE_NOT_DELIVERED -> {
				if (!SchoolYear.isSchoolMonth(java.time.YearMonth.from(today).minusMonths(1))) {
					yield "1 = 0";
				}
				yield PROCESSING_ALLOWED + " AND EXISTS (SELECT 1 FROM enrolment e WHERE e.learner_id = l.id"
						+ " AND e.ended_on IS NULL AND e.started_on <= :monthStart)"
						+ " AND EXISTS (SELECT 1 FROM conclusion c JOIN conclusion_service cs ON cs.conclusion_id = c.id"
						+ " WHERE " + LATEST_CONCLUSION + " AND c.concluded_on <= :monthStart"
						+ " AND NOT EXISTS (SELECT 1 FROM support_session s WHERE s.learner_id = l.id"
						+ " AND s.specialist = cs.specialist AND s.attended = TRUE"
						+ " AND s.held_on BETWEEN :monthStart AND :monthEnd))";
			}
			case FORM_NOT_PROVIDED -> PROCESSING_ALLOWED + " AND EXISTS (SELECT 1 FROM conclusion c WHERE "
					+ LATEST_CONCLUSION + " AND c.form <> COALESCE((SELECT e.form FROM enrolment e"
					+ " WHERE e.learner_id = l.id AND e.ended_on IS NULL), 'NOT_ENROLLED'))";
		};
	}

	/** How many learners in the scope are on each worklist. */
	Map<Worklist, Long> worklistCounts(DataScope scope, LocalDate today) {
		Map<Worklist, Long> counts = new EnumMap<>(Worklist.class);
		LearnerSearch all = new LearnerSearch(null, null, null, 0, 0);
		for (Worklist worklist : Worklist.values()) {
			counts.put(worklist, count(scope, all, worklist, today));
		}
		return counts;
	}

	// Guardians and consents

	List<Guardian> guardians(long learnerId) {
		return jdbc.sql("SELECT * FROM guardian WHERE learner_id = :id ORDER BY id")
			.param("id", learnerId)
			.query((rs, n) -> new Guardian(rs.getLong("id"), GuardianRelation.valueOf(rs.getString("relation")),
					rs.getString("full_name"), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
					instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version")))
			.list();
	}

	boolean updateGuardian(long learnerId, long guardianId, GuardianDraft g) {
		return jdbc.sql("""
				UPDATE guardian SET relation = :relation, full_name = :fullName, phone = :phone, email = :email,
					address = :address, version = version + 1
				WHERE id = :id AND learner_id = :learnerId AND version = :version""")
			.param("relation", g.relation().name())
			.param("fullName", g.fullName())
			.param("phone", g.phone())
			.param("email", g.email())
			.param("address", g.address())
			.param("id", guardianId)
			.param("learnerId", learnerId)
			.param("version", g.version())
			.update() == 1;
	}

	long insertGuardian(long learnerId, GuardianDraft g, String by, Instant now) {
		return insert("""
				INSERT INTO guardian (learner_id, relation, full_name, phone, email, address, created_at, created_by)
				VALUES (:learnerId, :relation, :fullName, :phone, :email, :address, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("relation", g.relation().name())
					.addValue("fullName", g.fullName())
					.addValue("phone", g.phone())
					.addValue("email", g.email())
					.addValue("address", g.address()),
				by, now);
	}

	List<Consent> consents(long learnerId) {
		return jdbc.sql("""
				SELECT k.*, g.full_name FROM consent k LEFT JOIN guardian g ON g.id = k.guardian_id
				WHERE k.learner_id = :id ORDER BY k.given_on DESC, k.id DESC""")
			.param("id", learnerId)
			.query((rs, n) -> new Consent(rs.getLong("id"), ConsentPurpose.valueOf(rs.getString("purpose")),
					(Long) rs.getObject("guardian_id", Long.class), rs.getString("full_name"),
					rs.getDate("given_on").toLocalDate(), instant(rs, "recorded_at"), rs.getString("recorded_by"),
					date(rs, "withdrawn_on"), rs.getString("withdrawal_recorded_by")))
			.list();
	}

	long insertConsent(long learnerId, ConsentDraft c, String by, Instant now) {
		return insert("""
				INSERT INTO consent (learner_id, purpose, guardian_id, given_on, recorded_at, recorded_by)
				VALUES (:learnerId, :purpose, :guardianId, :givenOn, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("purpose", c.purpose().name())
					.addValue("guardianId", c.guardianId())
					.addValue("givenOn", Date.valueOf(c.givenOn())),
				by, now);
	}

	boolean withdrawConsent(long learnerId, long consentId, LocalDate on, String by) {
		return jdbc.sql("""
				UPDATE consent SET withdrawn_on = :on, withdrawal_recorded_by = :by
				WHERE id = :id AND learner_id = :learnerId AND withdrawn_on IS NULL""")
			.param("on", Date.valueOf(on))
			.param("by", by)
			.param("id", consentId)
			.param("learnerId", learnerId)
			.update() == 1;
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
					rs.getLong("pmpc_id"), rs.getString("code"), name(rs), rs.getString("conclusion_number"),
					decode(SenCategory.class, rs.getString("sen_categories")),
					Programme.valueOf(rs.getString("programme")), EducationForm.valueOf(rs.getString("form")),
					hours.getOrDefault(rs.getLong("id"), Map.of()),
					decode(RecommendedCondition.class, rs.getString("conditions")),
					rs.getDate("next_review_on").toLocalDate(), instant(rs, "recorded_at"),
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
					.addValue("sen", encode(c.senCategories()))
					.addValue("programme", c.programme().name())
					.addValue("form", c.form().name())
					.addValue("conditions", encode(c.conditions()))
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
						instant(rs, "recorded_at"), rs.getString("recorded_by"));
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

	// Enrolments

	List<Enrolment> enrolments(long learnerId) {
		return jdbc.sql("""
				SELECT e.*, o.code, o.name_kk, o.name_ru, o.name_en FROM enrolment e
				JOIN organisation o ON o.id = e.organisation_id
				WHERE e.learner_id = :id ORDER BY e.started_on DESC, e.id DESC""")
			.param("id", learnerId)
			.query((rs, n) -> new Enrolment(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"),
					name(rs), rs.getString("grade"), rs.getString("class_name"),
					EducationForm.valueOf(rs.getString("form")), rs.getDate("started_on").toLocalDate(),
					date(rs, "ended_on"),
					rs.getString("end_reason") == null ? null : EnrolmentEndReason.valueOf(rs.getString("end_reason")),
					instant(rs, "recorded_at"), rs.getString("recorded_by")))
			.list();
	}

	long insertEnrolment(long learnerId, long organisationId, EnrolmentDraft e, String by, Instant now) {
		return insert("""
				INSERT INTO enrolment (learner_id, organisation_id, grade, class_name, form, started_on, recorded_at,
					recorded_by)
				VALUES (:learnerId, :organisationId, :grade, :className, :form, :startedOn, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("organisationId", organisationId)
					.addValue("grade", e.grade())
					.addValue("className", e.className())
					.addValue("form", e.form().name())
					.addValue("startedOn", Date.valueOf(e.startedOn())),
				by, now);
	}

	boolean endEnrolment(long learnerId, long enrolmentId, EnrolmentEnd end) {
		return jdbc.sql("""
				UPDATE enrolment SET ended_on = :endedOn, end_reason = :reason
				WHERE id = :id AND learner_id = :learnerId AND ended_on IS NULL""")
			.param("endedOn", Date.valueOf(end.endedOn()))
			.param("reason", end.reason().name())
			.param("id", enrolmentId)
			.param("learnerId", learnerId)
			.update() == 1;
	}

	// Support level, plans, sessions, devices

	List<SupportLevelEntry> supportLevels(long learnerId) {
		return jdbc.sql("SELECT * FROM support_level WHERE learner_id = :id ORDER BY set_on DESC, id DESC")
			.param("id", learnerId)
			.query((rs, n) -> new SupportLevelEntry(rs.getLong("id"), SupportLevel.of(rs.getInt("level_number")),
					rs.getDate("set_on").toLocalDate(), rs.getString("rationale"), instant(rs, "recorded_at"),
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
						instant(rs, "recorded_at"), rs.getString("recorded_by")));
		});
		return jdbc.sql("SELECT * FROM plan WHERE learner_id = :id ORDER BY school_year DESC")
			.param("id", learnerId)
			.query((rs, n) -> new Plan(rs.getLong("id"), rs.getInt("school_year"),
					rs.getDate("started_on").toLocalDate(), rs.getString("adaptations"),
					goals.getOrDefault(rs.getLong("id"), List.of()), services.getOrDefault(rs.getLong("id"), List.of()),
					reviews.getOrDefault(rs.getLong("id"), List.of()), instant(rs, "updated_at"),
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

	List<Session> sessions(long learnerId, LocalDate from) {
		return jdbc.sql("""
				SELECT * FROM support_session WHERE learner_id = :id AND held_on >= :from
				ORDER BY held_on DESC, id DESC""")
			.param("id", learnerId)
			.param("from", Date.valueOf(from))
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getDate("held_on").toLocalDate(), rs.getInt("minutes"),
					SpecialistType.valueOf(rs.getString("specialist")), rs.getBoolean("grouped"),
					rs.getBoolean("attended"),
					rs.getString("missed_reason") == null ? null : MissedReason.valueOf(rs.getString("missed_reason")),
					instant(rs, "recorded_at"), rs.getString("recorded_by")))
			.list();
	}

	long insertSession(long learnerId, SessionDraft s, String by, Instant now) {
		return insert("""
				INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, missed_reason,
					recorded_at, recorded_by)
				VALUES (:learnerId, :heldOn, :minutes, :specialist, :grouped, :attended, :missedReason, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("heldOn", Date.valueOf(s.heldOn()))
					.addValue("minutes", s.minutes())
					.addValue("specialist", s.specialist().name())
					.addValue("grouped", s.grouped())
					.addValue("attended", s.attended())
					.addValue("missedReason", s.missedReason() == null ? null : s.missedReason().name()),
				by, now);
	}

	List<Device> devices(long learnerId) {
		return jdbc.sql("SELECT * FROM device WHERE learner_id = :id ORDER BY provided_on DESC, id DESC")
			.param("id", learnerId)
			.query((rs, n) -> new Device(rs.getLong("id"), DeviceKind.valueOf(rs.getString("kind")),
					rs.getString("description"), rs.getDate("provided_on").toLocalDate(), date(rs, "returned_on"),
					DeviceCondition.valueOf(rs.getString("device_condition")), instant(rs, "recorded_at"),
					rs.getString("recorded_by"), rs.getInt("version")))
			.list();
	}

	boolean updateDevice(long learnerId, long deviceId, DeviceDraft d) {
		return jdbc.sql("""
				UPDATE device SET kind = :kind, description = :description, provided_on = :providedOn,
					returned_on = :returnedOn, device_condition = :condition, version = version + 1
				WHERE id = :id AND learner_id = :learnerId AND version = :version""")
			.param("kind", d.kind().name())
			.param("description", d.description())
			.param("providedOn", Date.valueOf(d.providedOn()))
			.param("returnedOn", d.returnedOn() == null ? null : Date.valueOf(d.returnedOn()))
			.param("condition", d.condition().name())
			.param("id", deviceId)
			.param("learnerId", learnerId)
			.param("version", d.version())
			.update() == 1;
	}

	long insertDevice(long learnerId, DeviceDraft d, String by, Instant now) {
		return insert("""
				INSERT INTO device (learner_id, kind, description, provided_on, returned_on, device_condition,
					recorded_at, recorded_by)
				VALUES (:learnerId, :kind, :description, :providedOn, :returnedOn, :condition, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("kind", d.kind().name())
					.addValue("description", d.description())
					.addValue("providedOn", Date.valueOf(d.providedOn()))
					.addValue("returnedOn", d.returnedOn() == null ? null : Date.valueOf(d.returnedOn()))
					.addValue("condition", d.condition().name()),
				by, now);
	}

	// Helpers

	private long insert(String sql, MapSqlParameterSource parameters, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql)
			.paramSource(parameters.addValue("now", Timestamp.from(now)).addValue("by", by))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static MapSqlParameterSource parameters(Learner l) {
		return new MapSqlParameterSource().addValue("iin", l.iin())
			.addValue("noIinReason", l.noIinReason() == null ? null : l.noIinReason().name())
			.addValue("surname", l.surname())
			.addValue("givenName", l.givenName())
			.addValue("patronymic", l.patronymic())
			.addValue("birthDate", Date.valueOf(l.birthDate()))
			.addValue("sex", l.sex().name())
			.addValue("citizenship", l.citizenship().name())
			.addValue("language", l.language().name())
			.addValue("disability", l.disability().name())
			.addValue("homeUnitCode", l.homeUnitCode())
			.addValue("searchText", searchText(l));
	}

	static String searchText(Learner l) {
		String text = SearchText.fold(String.join(" ", l.surname(), l.givenName(),
				l.patronymic() == null ? "" : l.patronymic(), l.iin() == null ? "" : l.iin()));
		return text.length() <= 400 ? text : text.substring(0, 400);
	}

	static String encode(Set<? extends Enum<?>> values) {
		return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static <E extends Enum<E>> Set<E> decode(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(v -> Enum.valueOf(type, v)).collect(Collectors.toUnmodifiableSet());
	}

	private static Learner learner(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("no_iin_reason");
		return new Learner(rs.getLong("id"), rs.getString("iin"), reason == null ? null : NoIinReason.valueOf(reason),
				rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
				rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")),
				Citizenship.valueOf(rs.getString("citizenship")), InstructionLanguage.valueOf(rs.getString("language")),
				Disability.valueOf(rs.getString("disability")), rs.getString("home_unit_code"), rs.getString("path"),
				instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version"));
	}

	private static LocalizedName name(ResultSet rs) throws SQLException {
		return new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
