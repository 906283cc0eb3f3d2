package org.barshaga.learner;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SearchText;
import org.barshaga.kernel.Sex;
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

	/**
	 * The learner's latest term with results, of this school year or the last, against
	 * the term just before it, over the subjects sat in both: a fall of 15 points or
	 * more.
	 */
	static final String FELL_IN_RESULTS = """
			EXISTS (SELECT 1 FROM term_result a JOIN term_result b ON b.iin = a.iin AND b.subject = a.subject
				AND b.school_year * 4 + b.term = a.school_year * 4 + a.term - 1
				WHERE a.iin = CAST(l.iin AS BIGINT) AND a.school_year >= :outcomesSince
				AND a.school_year * 4 + a.term = (SELECT MAX(x.school_year * 4 + x.term) FROM term_result x
					WHERE x.iin = a.iin)
				HAVING AVG(b.percentage) - AVG(a.percentage) >= 15)""";

	/**
	 * The learner's latest term with attendance, of this school year or the last: more
	 * than 20% of its school days missed without a valid reason.
	 */
	static final String MISSED_SCHOOL = """
			EXISTS (SELECT 1 FROM term_attendance t WHERE t.iin = CAST(l.iin AS BIGINT)
				AND t.school_year >= :outcomesSince AND t.absent_unexcused * 5 > t.school_days
				AND t.school_year * 4 + t.term = (SELECT MAX(x.school_year * 4 + x.term) FROM term_attendance x
					WHERE x.iin = t.iin))""";

	private final JdbcClient jdbc;

	LearnerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Learner> findInScope(long id, DataScope scope) {
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM learner l WHERE l.id = :id AND l.archived_on IS NULL AND "
					+ scope.sql("l.path")))
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

	/**
	 * Places the record at a transfer's destination, with the home unit the receiving
	 * place gave.
	 */
	void relocate(long id, String homeUnitCode, String path, String by, Instant now) {
		jdbc.sql("""
				UPDATE learner SET home_unit_code = :home, path = :path, updated_at = :now, updated_by = :by,
					version = version + 1
				WHERE id = :id""")
			.param("home", homeUnitCode)
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
		String where = scope.sql("l.path") + " AND l.archived_on IS NULL"
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
				case FALLING_BEHIND -> bound = bound.param("outcomesSince", SchoolYear.of(today).startYear() - 1);
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
			case FALLING_BEHIND -> PROCESSING_ALLOWED + " AND (" + FELL_IN_RESULTS + " OR " + MISSED_SCHOOL + ")";
		};
	}

	// Helpers

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

	private static Learner learner(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("no_iin_reason");
		return new Learner(rs.getLong("id"), rs.getString("iin"), reason == null ? null : NoIinReason.valueOf(reason),
				rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
				rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")),
				Citizenship.valueOf(rs.getString("citizenship")), InstructionLanguage.valueOf(rs.getString("language")),
				Disability.valueOf(rs.getString("disability")), rs.getString("home_unit_code"), rs.getString("path"),
				Rows.instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version"));
	}

}
