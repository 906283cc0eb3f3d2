package org.barshaga.audit;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

	private static final String INSERT = """
			INSERT INTO audit_event (occurred_at, actor, action, record_type, record_id, record_path, fields,
				remote_address, detail)
			VALUES (:occurredAt, :actor, :action, :recordType, :recordId, :recordPath, :fields, :remoteAddress, :detail)
			""";

	private static final String FILTERS = """
			FROM audit_event
			WHERE %s
			  AND (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
			  AND (((CAST(:recordType AS VARCHAR) IS NULL OR record_type = :recordType)
			      AND (CAST(:recordId AS VARCHAR) IS NULL OR record_id = :recordId))
			    OR (CAST(:recordId AS VARCHAR) IS NOT NULL AND id IN (SELECT s.event_id FROM audit_event_subject s
			      WHERE s.record_id = :recordId
			        AND (CAST(:recordType AS VARCHAR) IS NULL OR s.record_type = :recordType))))
			  AND (CAST(:fromTime AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :fromTime)
			  AND (CAST(:toTime AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :toTime)
			""";

	private static final String INSERT_SUBJECT = """
			INSERT INTO audit_event_subject (event_id, record_type, record_id) VALUES (?, ?, ?)""";

	/** Rows of one JDBC batch of subjects. */
	private static final int SUBJECT_BATCH = 5000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AuditRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Writes the entry; its generated id. */
	long insert(AuditEntry entry) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(INSERT)
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("action", entry.action().name())
			.param("recordType", entry.recordType())
			.param("recordId", entry.recordId())
			.param("recordPath", entry.recordPath())
			.param("fields", entry.fields())
			.param("remoteAddress", entry.remoteAddress())
			.param("detail", entry.detail())
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** Records every distinct subject against the event, in JDBC batches. */
	void insertSubjects(long eventId, AuditSubjects subjects) {
		List<Object[]> batch = new ArrayList<>(SUBJECT_BATCH);
		subjects.forEachDistinct(id -> {
			batch.add(new Object[] { eventId, subjects.recordType(), id });
			if (batch.size() == SUBJECT_BATCH) {
				template.batchUpdate(INSERT_SUBJECT, batch);
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			template.batchUpdate(INSERT_SUBJECT, batch);
		}
	}

	List<AuditEntry> find(DataScope scope, AuditQuery query) {
		String sql = "SELECT * " + FILTERS.formatted(scope.sql("record_path"))
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset";
		return bind(jdbc.sql(sql), scope, query).param("limit", AuditQuery.PAGE_SIZE)
			.param("offset", query.page() * AuditQuery.PAGE_SIZE)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"),
					rs.getString("record_id"), rs.getString("record_path"), rs.getString("fields"),
					rs.getString("remote_address"), rs.getString("detail")))
			.list();
	}

	long count(DataScope scope, AuditQuery query) {
		String sql = "SELECT COUNT(*) " + FILTERS.formatted(scope.sql("record_path"));
		return bind(jdbc.sql(sql), scope, query).query(Long.class).single();
	}

	private static StatementSpec bind(StatementSpec statement, DataScope scope, AuditQuery query) {
		return scope.bind(statement)
			.param("actor", query.actor())
			.param("recordType", query.recordType())
			.param("recordId", query.recordId())
			.param("fromTime",
					query.from() == null ? null : Timestamp.from(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)))
			.param("toTime", query.to() == null ? null
					: Timestamp.from(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
	}

}
