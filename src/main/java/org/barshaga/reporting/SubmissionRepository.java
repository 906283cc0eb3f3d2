package org.barshaga.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The submissions and their explanations. Every change of a submission states the version
 * it read and the status it expects, so that of two decisions at once only the first
 * changes the row.
 */
@Repository
class SubmissionRepository {

	private static final String COLUMNS = """
			s.id, s.school_year, s.organisation_id, o.code, s.path, s.status, s.first_submitted_at, s.submitted_at,
			s.submitted_by, s.decided_at, s.decided_by, s.decision_comment, s.unlock_reason, s.unlock_requested_by,
			s.version""";

	private final JdbcClient jdbc;

	SubmissionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Submission> find(long organisationId, int year) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM report_submission s JOIN organisation o ON o.id = s.organisation_id"
					+ " WHERE s.organisation_id = :organisation AND s.school_year = :year")
			.param("organisation", organisationId)
			.param("year", year)
			.query((rs, n) -> map(rs))
			.optional()
			.map(this::withExplanations);
	}

	Optional<Submission> find(long id) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM report_submission s JOIN organisation o ON o.id = s.organisation_id WHERE s.id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional()
			.map(this::withExplanations);
	}

	long insert(int year, long organisationId, String path, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO report_submission (school_year, organisation_id, path, status, first_submitted_at,
					submitted_at, submitted_by, version)
				VALUES (:year, :organisation, :path, 'SUBMITTED', :now, :now, :by, 0)""")
			.param("year", year)
			.param("organisation", organisationId)
			.param("path", path)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Submits again a returned or reopened submission; false when it changed meanwhile.
	 */
	boolean resubmit(long id, int version, String by, Instant now) {
		return jdbc.sql("""
				UPDATE report_submission SET status = 'SUBMITTED', submitted_at = :now, submitted_by = :by,
					decided_at = NULL, decided_by = NULL, decision_comment = NULL, unlock_reason = NULL,
					unlock_requested_by = NULL, version = version + 1
				WHERE id = :id AND version = :version AND status IN ('RETURNED', 'REOPENED')""")
			.param("id", id)
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	/** Moves a submission from one status to another; false when it changed meanwhile. */
	boolean decide(long id, int version, SubmissionStatus from, SubmissionStatus to, String by, Instant now,
			String comment) {
		return jdbc.sql("""
				UPDATE report_submission SET status = :to, decided_at = :now, decided_by = :by,
					decision_comment = :comment, unlock_reason = NULL, unlock_requested_by = NULL,
					version = version + 1
				WHERE id = :id AND version = :version AND status = :from""")
			.param("id", id)
			.param("version", version)
			.param("from", from.name())
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("comment", comment)
			.update() == 1;
	}

	boolean requestUnlock(long id, int version, String by, String reason) {
		return jdbc.sql("""
				UPDATE report_submission SET unlock_reason = :reason, unlock_requested_by = :by,
					version = version + 1
				WHERE id = :id AND version = :version AND status = 'APPROVED' AND unlock_reason IS NULL""")
			.param("id", id)
			.param("version", version)
			.param("by", by)
			.param("reason", reason)
			.update() == 1;
	}

	void replaceExplanations(long id, Map<String, Integer> versions, Map<String, String> explanations) {
		jdbc.sql("DELETE FROM report_explanation WHERE submission_id = :id").param("id", id).update();
		explanations.forEach((rule, text) -> jdbc.sql("""
				INSERT INTO report_explanation (submission_id, rule_code, rule_version, explanation)
				VALUES (:id, :rule, :version, :text)""")
			.param("id", id)
			.param("rule", rule)
			.param("version", versions.get(rule))
			.param("text", text)
			.update());
	}

	boolean locked(long organisationId, int year) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM report_submission
				WHERE organisation_id = :organisation AND school_year = :year AND status = 'APPROVED'""")
			.param("organisation", organisationId)
			.param("year", year)
			.query(Long.class)
			.single() > 0;
	}

	private Submission withExplanations(Submission submission) {
		Map<String, String> explanations = new LinkedHashMap<>();
		jdbc.sql("SELECT rule_code, explanation FROM report_explanation WHERE submission_id = :id ORDER BY rule_code")
			.param("id", submission.id())
			.query((ResultSet rs) -> {
				explanations.put(rs.getString("rule_code"), rs.getString("explanation"));
			});
		return new Submission(submission.id(), submission.year(), submission.organisationId(), submission.schoolCode(),
				submission.path(), submission.status(), submission.firstSubmittedAt(), submission.submittedAt(),
				submission.submittedBy(), submission.decidedAt(), submission.decidedBy(), submission.comment(),
				submission.unlockReason(), submission.unlockRequestedBy(), submission.version(),
				Map.copyOf(explanations));
	}

	private static Submission map(ResultSet rs) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getInt("school_year"), rs.getLong("organisation_id"),
				rs.getString("code"), rs.getString("path"), SubmissionStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("first_submitted_at")), instant(rs.getTimestamp("submitted_at")),
				rs.getString("submitted_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"),
				rs.getString("decision_comment"), rs.getString("unlock_reason"), rs.getString("unlock_requested_by"),
				rs.getInt("version"), Map.of());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
