package org.barshaga.learner;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the part of a record the law requires a school to keep besides the identity:
 * guardians, consents and enrolments. Read only after the learner was found in scope.
 */
@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Guardians and consents

	List<Guardian> guardians(long learnerId) {
		return jdbc.sql("SELECT * FROM guardian WHERE learner_id = :id ORDER BY id")
			.param("id", learnerId)
			.query((rs, n) -> new Guardian(rs.getLong("id"), GuardianRelation.valueOf(rs.getString("relation")),
					rs.getString("full_name"), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
					Rows.instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version")))
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
					rs.getDate("given_on").toLocalDate(), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"),
					Rows.date(rs, "withdrawn_on"), rs.getString("withdrawal_recorded_by")))
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

	// Enrolments

	List<Enrolment> enrolments(long learnerId) {
		return jdbc.sql("""
				SELECT e.*, o.code, o.name_kk, o.name_ru, o.name_en FROM enrolment e
				JOIN organisation o ON o.id = e.organisation_id
				WHERE e.learner_id = :id ORDER BY e.started_on DESC, e.id DESC""")
			.param("id", learnerId)
			.query((rs, n) -> new Enrolment(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"),
					Rows.name(rs), rs.getString("grade"), rs.getString("class_name"),
					EducationForm.valueOf(rs.getString("form")), rs.getDate("started_on").toLocalDate(),
					Rows.date(rs, "ended_on"),
					rs.getString("end_reason") == null ? null : EnrolmentEndReason.valueOf(rs.getString("end_reason")),
					Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")))
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

	private long insert(String sql, MapSqlParameterSource parameters, String by, Instant now) {
		return Rows.insert(jdbc, sql, parameters, by, now);
	}

}
