package org.barshaga.network;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.learner.SenCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Practices, their figures, files and trials. Published practices are read by everyone
 * signed in; the others only inside a scope, in SQL. A change names the state and version
 * it starts from, so a stale or concurrent one changes nothing.
 */
@Repository
class PracticeRepository {

	static final int LIST_LIMIT = 50;

	private static final String SELECT = """
			SELECT p.*, o.code AS o_code, o.name_kk AS o_kk, o.name_ru AS o_ru, o.name_en AS o_en
			FROM practice p JOIN organisation o ON o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	PracticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long organisationId, String path, PracticeDraft d, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		text(jdbc.sql("""
				INSERT INTO practice (status, organisation_id, path, language, title, problem, barriers, sen_categories,
					what_done, for_whom, staff_needed, time_needed, cost_needed, materials, results, created_at,
					created_by, version)
				VALUES ('DRAFT', :org, :path, :language, :title, :problem, :barriers, :categories, :whatDone, :forWhom,
					:staffNeeded, :timeNeeded, :costNeeded, :materials, :results, :at, :by, 0)"""), d)
			.param("org", organisationId)
			.param("path", path)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean update(long id, int version, PracticeDraft d) {
		return text(
				jdbc.sql(
						"""
								UPDATE practice SET language = :language, title = :title, problem = :problem, barriers = :barriers,
									sen_categories = :categories, what_done = :whatDone, for_whom = :forWhom, staff_needed = :staffNeeded,
									time_needed = :timeNeeded, cost_needed = :costNeeded, materials = :materials, results = :results,
									version = version + 1
								WHERE id = :id AND version = :version AND status IN ('DRAFT', 'RETURNED')"""),
				d)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static JdbcClient.StatementSpec text(JdbcClient.StatementSpec statement, PracticeDraft d) {
		return statement.param("language", d.language())
			.param("title", d.title())
			.param("problem", d.problem())
			.param("barriers", d.barriers().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("categories", d.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("whatDone", d.whatDone())
			.param("forWhom", d.forWhom())
			.param("staffNeeded", d.staffNeeded())
			.param("timeNeeded", d.timeNeeded())
			.param("costNeeded", d.costNeeded())
			.param("materials", d.materials())
			.param("results", d.results());
	}

	/** Moves the practice from one state to the next, at the version the user saw. */
	boolean move(long id, int version, PracticeStatus from, PracticeStatus to, Map<String, Object> columns) {
		StringBuilder sql = new StringBuilder("UPDATE practice SET status = :to, version = version + 1");
		columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
		sql.append(" WHERE id = :id AND version = :version AND status = :from");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.param("to", to.name())
			.param("id", id)
			.param("version", version)
			.param("from", from.name());
		for (Map.Entry<String, Object> column : columns.entrySet()) {
			Object value = column.getValue();
			statement = statement.param(column.getKey(), value instanceof Instant instant ? Timestamp.from(instant)
					: value instanceof LocalDate day ? Date.valueOf(day) : value);
		}
		return statement.update() == 1;
	}

	/** Any practice by id; the service decides who may see it. */
	Optional<Practice> find(long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PracticeRepository::practice).optional();
	}

	/** Published practices by id, in the order given. */
	List<Practice> published(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Practice> found = new LinkedHashMap<>();
		jdbc.sql(SELECT + " WHERE p.status = 'PUBLISHED' AND p.id IN (:ids)")
			.param("ids", ids)
			.query(PracticeRepository::practice)
			.list()
			.forEach(p -> found.put(p.id(), p));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	List<Practice> newestPublished(int limit) {
		return jdbc.sql(SELECT + " WHERE p.status = 'PUBLISHED' ORDER BY p.published_on DESC, p.id DESC LIMIT " + limit)
			.query(PracticeRepository::practice)
			.list();
	}

	/** Practices not published of the places in the scope, or of a state asked for. */
	List<Practice> unpublished(DataScope scope, Set<PracticeStatus> statuses) {
		return scope
			.bind(jdbc.sql(SELECT + " WHERE p.status IN (:statuses) AND " + scope.sql("p.path")
					+ " ORDER BY p.id DESC LIMIT " + LIST_LIMIT))
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.query(PracticeRepository::practice)
			.list();
	}

	/** Published practices with their text, published at or after the instant. */
	List<Map.Entry<Long, String>> publishedSince(Instant since) {
		return jdbc
			.sql("""
					SELECT id, title, problem, what_done, for_whom, staff_needed, time_needed, cost_needed, materials, results
					FROM practice WHERE status = 'PUBLISHED' AND moderated_at >= :since ORDER BY moderated_at, id""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> Map
				.entry(rs.getLong("id"),
						String.join("\n",
								Arrays.stream(new String[] { "title", "problem", "what_done", "for_whom",
										"staff_needed", "time_needed", "cost_needed", "materials", "results" })
									.map(column -> {
										try {
											String value = rs.getString(column);
											return value == null ? "" : value;
										}
										catch (SQLException failed) {
											throw new IllegalStateException(failed);
										}
									})
									.toList())))
			.list();
	}

	Optional<Instant> lastPublished() {
		return jdbc.sql("SELECT MAX(moderated_at) FROM practice WHERE status = 'PUBLISHED'")
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.map(Timestamp::toInstant);
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM practice").query(Long.class).single();
	}

	// Figures

	void putFigure(long practiceId, Practice.Figure f) {
		jdbc.sql("DELETE FROM practice_figure WHERE practice_id = :id AND indicator = :indicator")
			.param("id", practiceId)
			.param("indicator", f.indicator())
			.update();
		jdbc.sql("""
				INSERT INTO practice_figure (practice_id, indicator, year_before, value_before, year_after, value_after)
				VALUES (:id, :indicator, :yearBefore, :before, :yearAfter, :after)""")
			.param("id", practiceId)
			.param("indicator", f.indicator())
			.param("yearBefore", f.yearBefore())
			.param("before", f.before())
			.param("yearAfter", f.yearAfter())
			.param("after", f.after())
			.update();
	}

	List<Practice.Figure> figures(long practiceId) {
		return jdbc.sql("SELECT * FROM practice_figure WHERE practice_id = :id ORDER BY indicator")
			.param("id", practiceId)
			.query((rs, n) -> new Practice.Figure(rs.getString("indicator"), rs.getInt("year_before"),
					rs.getBigDecimal("value_before"), rs.getInt("year_after"), rs.getBigDecimal("value_after")))
			.list();
	}

	// Files

	long insertFile(long practiceId, String name, String contentType, byte[] content, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO practice_file (practice_id, file_name, content_type, size_bytes, content, added_at, added_by)
						VALUES (:id, :name, :type, :size, :content, :at, :by)""")
			.param("id", practiceId)
			.param("name", name)
			.param("type", contentType)
			.param("size", content.length)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Practice.File> files(long practiceId) {
		return jdbc.sql(
				"SELECT id, file_name, content_type, size_bytes FROM practice_file WHERE practice_id = :id ORDER BY id")
			.param("id", practiceId)
			.query((rs, n) -> new Practice.File(rs.getLong("id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes")))
			.list();
	}

	Optional<byte[]> content(long practiceId, long fileId) {
		return jdbc.sql("SELECT content FROM practice_file WHERE practice_id = :practice AND id = :id")
			.param("practice", practiceId)
			.param("id", fileId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	// Trials

	void insertTrial(long practiceId, long organisationId, String path, String report, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO practice_trial (practice_id, organisation_id, path, report, tried_at, tried_by)
				VALUES (:id, :org, :path, :report, :at, :by)""")
			.param("id", practiceId)
			.param("org", organisationId)
			.param("path", path)
			.param("report", report)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	boolean tried(long practiceId, long organisationId) {
		return jdbc.sql("SELECT COUNT(*) FROM practice_trial WHERE practice_id = :id AND organisation_id = :org")
			.param("id", practiceId)
			.param("org", organisationId)
			.query(Long.class)
			.single() > 0;
	}

	List<Practice.Trial> trials(long practiceId) {
		return jdbc.sql("""
				SELECT o.code, o.name_kk, o.name_ru, o.name_en, t.report, t.tried_at
				FROM practice_trial t JOIN organisation o ON o.id = t.organisation_id
				WHERE t.practice_id = :id ORDER BY t.tried_at, t.id""")
			.param("id", practiceId)
			.query((rs, n) -> new Practice.Trial(rs.getString("code"),
					new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
					rs.getString("report"),
					rs.getTimestamp("tried_at").toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
			.list();
	}

	private static Practice practice(ResultSet rs, int row) throws SQLException {
		PracticeDraft text = new PracticeDraft(rs.getString("language"), rs.getString("title"), rs.getString("problem"),
				codes(BarrierGroup.class, rs.getString("barriers")),
				codes(SenCategory.class, rs.getString("sen_categories")), rs.getString("what_done"),
				rs.getString("for_whom"), rs.getString("staff_needed"), rs.getString("time_needed"),
				rs.getString("cost_needed"), rs.getString("materials"), rs.getString("results"));
		Date published = rs.getDate("published_on");
		return new Practice(rs.getLong("id"), PracticeStatus.valueOf(rs.getString("status")),
				rs.getLong("organisation_id"), rs.getString("o_code"),
				new LocalizedName(rs.getString("o_kk"), rs.getString("o_ru"), rs.getString("o_en")),
				rs.getString("path"), text, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getString("moderated_by"), rs.getString("moderation_note"),
				published == null ? null : published.toLocalDate(), rs.getInt("version"));
	}

	private static <E extends Enum<E>> Set<E> codes(Class<E> type, String text) {
		Set<E> codes = EnumSet.noneOf(type);
		if (text != null && !text.isBlank()) {
			for (String code : text.split(",")) {
				codes.add(Enum.valueOf(type, code));
			}
		}
		return codes;
	}

}
