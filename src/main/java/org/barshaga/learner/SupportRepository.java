package org.barshaga.learner;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.SpecialistType;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the support delivered: sessions and assistive devices. Read only after the
 * learner was found in scope.
 */
@Repository
class SupportRepository {

	private final JdbcClient jdbc;

	SupportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Sessions and devices

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
					Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")))
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
					rs.getString("description"), rs.getDate("provided_on").toLocalDate(), Rows.date(rs, "returned_on"),
					DeviceCondition.valueOf(rs.getString("device_condition")), Rows.instant(rs, "recorded_at"),
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

	private long insert(String sql, MapSqlParameterSource parameters, String by, Instant now) {
		return Rows.insert(jdbc, sql, parameters, by, now);
	}

}
