package org.barshaga.learner;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of transfer requests, each read within a scope in its WHERE clause. */
@Repository
class TransferRepository {

	private static final String SELECT = """
			SELECT t.*, l.surname AS l_surname, l.given_name AS l_given_name, l.patronymic AS l_patronymic, l.path
			FROM learner_transfer t JOIN learner l ON l.id = t.learner_id""";

	private final JdbcClient jdbc;

	TransferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A pending request of this place for this learner, so that a repeat adds nothing.
	 */
	Optional<Long> pending(long learnerId, String targetPath) {
		return jdbc
			.sql("SELECT MIN(id) FROM learner_transfer WHERE learner_id = :id AND target_path = :target"
					+ " AND status = 'PENDING'")
			.param("id", learnerId)
			.param("target", targetPath)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.filter(id -> id != null);
	}

	long insert(long learnerId, String requesterPath, String targetPath, String targetCode, Learner submitted,
			Long organisationId, EnrolmentDraft enrolment, String by, Instant now) {
		return Rows.insert(jdbc,
				"""
						INSERT INTO learner_transfer (learner_id, status, requester_path, target_path, target_code,
							home_unit_code, organisation_id, grade, class_name, form, started_on, surname, given_name, patronymic,
							birth_date, requested_at, requested_by)
						VALUES (:learnerId, 'PENDING', :requesterPath, :targetPath, :targetCode, :home, :organisationId, :grade,
							:className, :form, :startedOn, :surname, :givenName, :patronymic, :birthDate, :now, :by)""",
				new MapSqlParameterSource("learnerId", learnerId).addValue("requesterPath", requesterPath)
					.addValue("targetPath", targetPath)
					.addValue("targetCode", targetCode)
					.addValue("home", submitted.homeUnitCode())
					.addValue("organisationId", organisationId)
					.addValue("grade", enrolment == null ? null : enrolment.grade())
					.addValue("className", enrolment == null ? null : enrolment.className())
					.addValue("form", enrolment == null ? null : enrolment.form().name())
					.addValue("startedOn", enrolment == null ? null : Date.valueOf(enrolment.startedOn()))
					.addValue("surname", submitted.surname())
					.addValue("givenName", submitted.givenName())
					.addValue("patronymic", submitted.patronymic())
					.addValue("birthDate", Date.valueOf(submitted.birthDate())),
				by, now);
	}

	/** Requests for records held in the scope, pending first. */
	List<Stored> held(DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " WHERE " + scope.sql("l.path")
				+ " ORDER BY CASE WHEN t.status = 'PENDING' THEN 0 ELSE 1 END, t.requested_at DESC, t.id DESC LIMIT 200"))
			.query(TransferRepository::stored)
			.list();
	}

	/** Requests made for places in the scope. */
	List<Stored> requested(DataScope scope) {
		return scope.bind(jdbc.sql(
				SELECT + " WHERE " + scope.sql("t.target_path") + " ORDER BY t.requested_at DESC, t.id DESC LIMIT 200"))
			.query(TransferRepository::stored)
			.list();
	}

	/** The request when its record is held in the scope. */
	Optional<Stored> heldInScope(long id, DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND " + scope.sql("l.path")))
			.param("id", id)
			.query(TransferRepository::stored)
			.optional();
	}

	/** Records the answer when the request is still pending. */
	boolean answer(long id, TransferStatus status, String by, Instant now) {
		return jdbc.sql("""
				UPDATE learner_transfer SET status = :status, answered_at = :now, answered_by = :by
				WHERE id = :id AND status = 'PENDING'""")
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", id)
			.update() == 1;
	}

	/** A stored request with what acceptance needs. */
	record Stored(TransferRequest request, String learnerPath, String targetPath, String homeUnitCode,
			Long organisationId, EnrolmentDraft enrolment) {
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		Date started = rs.getDate("started_on");
		Long organisation = (Long) rs.getObject("organisation_id", Long.class);
		EnrolmentDraft enrolment = organisation == null ? null
				: new EnrolmentDraft(rs.getString("target_code"), rs.getString("grade"), rs.getString("class_name"),
						EducationForm.valueOf(rs.getString("form")), started.toLocalDate(),
						EnrolmentEndReason.TRANSFER);
		Timestamp answered = rs.getTimestamp("answered_at");
		String patronymic = rs.getString("l_patronymic");
		TransferRequest request = new TransferRequest(rs.getLong("id"), TransferStatus.valueOf(rs.getString("status")),
				rs.getString("target_code"), rs.getString("surname"), rs.getString("given_name"),
				rs.getString("patronymic"), rs.getDate("birth_date").toLocalDate(), Rows.instant(rs, "requested_at"),
				rs.getString("requested_by"), answered == null ? null : answered.toInstant(),
				rs.getString("answered_by"), rs.getLong("learner_id"), rs.getString("l_surname") + " "
						+ rs.getString("l_given_name") + (patronymic == null ? "" : " " + patronymic));
		return new Stored(request, rs.getString("path"), rs.getString("target_path"), rs.getString("home_unit_code"),
				organisation, enrolment);
	}

}
