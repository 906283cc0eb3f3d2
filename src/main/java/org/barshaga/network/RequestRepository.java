package org.barshaga.network;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
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
 * The requests' rows. Every read is limited to a scope in SQL, on the side of the request
 * the caller stands on; every transition names the state and version it moves from and
 * the scope of the side that may make it, so a stale, concurrent or foreign transition
 * changes nothing.
 */
@Repository
class RequestRepository {

	/** The longest list a worklist shows; the page says when there are more. */
	static final int LIST_LIMIT = 200;

	private static final String SELECT = """
			SELECT r.*, q.code AS q_code, q.name_kk AS q_kk, q.name_ru AS q_ru, q.name_en AS q_en,
				c.code AS c_code, c.name_kk AS c_kk, c.name_ru AS c_ru, c.name_en AS c_en
			FROM support_request r JOIN organisation q ON q.id = r.requester_id JOIN organisation c ON c.id = r.centre_id
			""";

	private static final String OPEN = "r.status IN ('SUBMITTED', 'ACCEPTED', 'SCHEDULED')";

	private final JdbcClient jdbc;

	RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewRequest(long requesterId, String requesterPath, long centreId, String centrePath, SupportTopic topic,
			Set<SenCategory> categories, Long learnerId, Urgency urgency, String description, LocalDate submittedOn,
			Instant submittedAt, String submittedBy) {
	}

	long insert(NewRequest r) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO support_request (status, requester_id, requester_path, centre_id, centre_path, topic,
					sen_categories, learner_id, urgency, description, submitted_on, submitted_at, submitted_by, version)
				VALUES ('SUBMITTED', :requesterId, :requesterPath, :centreId, :centrePath, :topic, :categories,
					:learnerId, :urgency, :description, :submittedOn, :submittedAt, :submittedBy, 0)""")
			.param("requesterId", r.requesterId())
			.param("requesterPath", r.requesterPath())
			.param("centreId", r.centreId())
			.param("centrePath", r.centrePath())
			.param("topic", r.topic().name())
			.param("categories", r.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("learnerId", r.learnerId())
			.param("urgency", r.urgency().name())
			.param("description", r.description())
			.param("submittedOn", Date.valueOf(r.submittedOn()))
			.param("submittedAt", Timestamp.from(r.submittedAt()))
			.param("submittedBy", r.submittedBy())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The request, when either of its sides lies in the scope. */
	Optional<SupportRequest> findInScope(long id, DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " WHERE r.id = :id AND (" + scope.sql("r.requester_path") + " OR "
				+ scope.sql("r.centre_path") + ")"))
			.param("id", id)
			.query(RequestRepository::request)
			.optional();
	}

	/**
	 * Requests to centres in the scope that wait for them: to accept, schedule or record.
	 */
	List<SupportRequest> waiting(DataScope scope) {
		return list(scope, scope.sql("r.centre_path") + " AND " + OPEN, """
				CASE r.urgency WHEN 'URGENT' THEN 0 WHEN 'SOON' THEN 1 ELSE 2 END, r.submitted_on, r.id""", Map.of());
	}

	/**
	 * Agreed follow-ups of centres in the scope, due by the day given and not yet done.
	 */
	List<SupportRequest> followUpsDue(DataScope scope, LocalDate until) {
		return list(scope, scope.sql("r.centre_path") + """
				 AND r.status IN ('CLOSED', 'CONFIRMED') AND r.follow_up_on IS NOT NULL AND r.follow_up_on <= :until
				AND r.follow_up_done_on IS NULL""", "r.follow_up_on, r.id", Map.of("until", Date.valueOf(until)));
	}

	/**
	 * Requests of places in the scope whose consultation is recorded and awaits their
	 * word.
	 */
	List<SupportRequest> toConfirm(DataScope scope) {
		return list(scope, scope.sql("r.requester_path") + " AND r.status = 'CLOSED'", "r.closed_on, r.id", Map.of());
	}

	/** Requests of places in the scope that the centre has not closed yet. */
	List<SupportRequest> sent(DataScope scope) {
		return list(scope, scope.sql("r.requester_path") + " AND " + OPEN, "r.submitted_on DESC, r.id DESC", Map.of());
	}

	/** The newest requests on either side of the scope, for an overview. */
	List<SupportRequest> recent(DataScope scope) {
		return list(scope, "(" + scope.sql("r.requester_path") + " OR " + scope.sql("r.centre_path") + ")",
				"r.submitted_on DESC, r.id DESC", Map.of());
	}

	/** The lengths of the three worklists, in one pass over the scope's requests. */
	WorklistCounts counts(DataScope scope, LocalDate until) {
		String centre = scope.sql("r.centre_path");
		String requester = scope.sql("r.requester_path");
		return scope.bind(jdbc.sql("SELECT COALESCE(SUM(CASE WHEN " + centre + " AND " + OPEN
				+ " THEN 1 ELSE 0 END), 0) AS waiting, COALESCE(SUM(CASE WHEN " + centre
				+ " AND r.status IN ('CLOSED', 'CONFIRMED') AND r.follow_up_on IS NOT NULL AND r.follow_up_on <= :until"
				+ " AND r.follow_up_done_on IS NULL THEN 1 ELSE 0 END), 0) AS follow_ups, COALESCE(SUM(CASE WHEN "
				+ requester + " AND r.status = 'CLOSED' THEN 1 ELSE 0 END), 0) AS to_confirm"
				+ " FROM support_request r WHERE " + centre + " OR " + requester))
			.param("until", Date.valueOf(until))
			.query((rs, n) -> new WorklistCounts(rs.getLong("waiting"), rs.getLong("follow_ups"),
					rs.getLong("to_confirm")))
			.single();
	}

	private List<SupportRequest> list(DataScope scope, String where, String order, Map<String, ?> params) {
		return scope.bind(jdbc.sql(SELECT + " WHERE " + where + " ORDER BY " + order + " LIMIT " + LIST_LIMIT))
			.params(params)
			.query(RequestRepository::request)
			.list();
	}

	/**
	 * Moves a request from one state to the next with the given columns, if it is still
	 * in that state at that version and its {@code side} column lies in the scope.
	 * @return whether the row changed
	 */
	boolean transition(long id, int version, RequestStatus from, RequestStatus to, Map<String, Object> columns,
			String side, DataScope scope) {
		StringBuilder sql = new StringBuilder("UPDATE support_request SET status = :to, version = version + 1");
		columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
		sql.append(" WHERE id = :id AND version = :version AND status = :from AND ").append(scope.sql(side));
		JdbcClient.StatementSpec statement = scope.bind(jdbc.sql(sql.toString()))
			.param("to", to.name())
			.param("from", from.name())
			.param("id", id)
			.param("version", version);
		for (Map.Entry<String, Object> column : columns.entrySet()) {
			Object value = column.getValue() instanceof LocalDate day ? Date.valueOf(day) : column.getValue();
			statement = statement.param(column.getKey(), value);
		}
		return statement.update() == 1;
	}

	/** Marks the follow-up done; the request keeps its state. */
	boolean followUpDone(long id, int version, LocalDate on, String by, DataScope scope) {
		return scope.bind(jdbc.sql("""
				UPDATE support_request SET follow_up_done_on = :on, follow_up_done_by = :by, version = version + 1
				WHERE id = :id AND version = :version AND status IN ('CLOSED', 'CONFIRMED')
					AND follow_up_on IS NOT NULL AND follow_up_done_on IS NULL""" + " AND " + scope.sql("centre_path")))
			.param("on", Date.valueOf(on))
			.param("by", by)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** How many requests exist at all: the demo is written once, into an empty table. */
	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM support_request").query(Long.class).single();
	}

	private static SupportRequest request(ResultSet rs, int row) throws SQLException {
		Set<SenCategory> categories = EnumSet.noneOf(SenCategory.class);
		for (String code : rs.getString("sen_categories").split(",")) {
			if (!code.isBlank()) {
				categories.add(SenCategory.valueOf(code.strip()));
			}
		}
		String mode = rs.getString("consultation_mode");
		Object helped = rs.getObject("helped");
		return new SupportRequest(rs.getLong("id"), RequestStatus.valueOf(rs.getString("status")),
				new SupportRequest.Party(rs.getLong("requester_id"), rs.getString("q_code"),
						new LocalizedName(rs.getString("q_kk"), rs.getString("q_ru"), rs.getString("q_en")),
						rs.getString("requester_path")),
				new SupportRequest.Party(rs.getLong("centre_id"), rs.getString("c_code"),
						new LocalizedName(rs.getString("c_kk"), rs.getString("c_ru"), rs.getString("c_en")),
						rs.getString("centre_path")),
				SupportTopic.valueOf(rs.getString("topic")), categories, (Long) rs.getObject("learner_id", Long.class),
				Urgency.valueOf(rs.getString("urgency")), rs.getString("description"), date(rs, "submitted_on"),
				rs.getString("submitted_by"), date(rs, "accepted_on"), rs.getString("accepted_by"),
				mode == null ? null : ConsultationMode.valueOf(mode), date(rs, "consultation_on"),
				rs.getString("scheduled_by"), rs.getString("outcome"), rs.getString("follow_up"),
				date(rs, "follow_up_on"), date(rs, "closed_on"), rs.getString("closed_by"),
				helped == null ? null : rs.getBoolean("helped"), rs.getString("confirmation_note"),
				date(rs, "confirmed_on"), rs.getString("confirmed_by"), date(rs, "follow_up_done_on"),
				rs.getString("follow_up_done_by"), rs.getInt("version"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
