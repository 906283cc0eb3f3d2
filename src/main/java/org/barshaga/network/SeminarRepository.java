package org.barshaga.network;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Seminars and their participants. A seminar is seen by the centre's scope and by the
 * scope of any participant's school, in SQL.
 */
@Repository
class SeminarRepository {

	static final int LIST_LIMIT = 200;

	private static final String SELECT = """
			SELECT s.*, c.code AS c_code, c.name_kk AS c_kk, c.name_ru AS c_ru, c.name_en AS c_en
			FROM seminar s JOIN organisation c ON c.id = s.centre_id
			""";

	private final JdbcClient jdbc;

	SeminarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long centreId, String centrePath, SeminarDraft draft, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO seminar (centre_id, centre_path, kind, title, held_on, hours, inclusive, created_at, created_by)
						VALUES (:centre, :path, :kind, :title, :heldOn, :hours, :inclusive, :at, :by)""")
			.param("centre", centreId)
			.param("path", centrePath)
			.param("kind", draft.kind().name())
			.param("title", draft.title().strip())
			.param("heldOn", Date.valueOf(draft.heldOn()))
			.param("hours", draft.hours())
			.param("inclusive", draft.inclusive())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addParticipant(long seminarId, long staffId, long trainingId, String schoolPath, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO seminar_participant (seminar_id, staff_id, training_id, school_path, added_at, added_by)
				VALUES (:seminar, :staff, :training, :path, :at, :by)""")
			.param("seminar", seminarId)
			.param("staff", staffId)
			.param("training", trainingId)
			.param("path", schoolPath)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	private static String visible(DataScope scope) {
		return "(" + scope.sql("s.centre_path")
				+ " OR EXISTS (SELECT 1 FROM seminar_participant p WHERE p.seminar_id = s.id AND "
				+ scope.sql("p.school_path") + "))";
	}

	Optional<Seminar> find(long id, DataScope scope) {
		Optional<Seminar> found = scope.bind(jdbc.sql(SELECT + " WHERE s.id = :id AND " + visible(scope)))
			.param("id", id)
			.query((rs, n) -> seminar(rs, List.of()))
			.optional();
		return found.map(s -> new Seminar(s.id(), s.centreId(), s.centreCode(), s.centreName(), s.centrePath(),
				s.kind(), s.title(), s.heldOn(), s.hours(), s.inclusive(), participants(id)));
	}

	/** The seminars visible in the scope, newest first. */
	List<Seminar> list(DataScope scope) {
		return scope
			.bind(jdbc
				.sql(SELECT + " WHERE " + visible(scope) + " ORDER BY s.held_on DESC, s.id DESC LIMIT " + LIST_LIMIT))
			.query((rs, n) -> seminar(rs, List.of()))
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM seminar").query(Long.class).single();
	}

	List<Seminar.Participant> participants(long seminarId) {
		return jdbc.sql("""
				SELECT p.staff_id, p.training_id, m.full_name, o.code, o.name_kk, o.name_ru, o.name_en
				FROM seminar_participant p JOIN staff_member m ON m.id = p.staff_id
				JOIN organisation o ON o.id = m.organisation_id
				WHERE p.seminar_id = :id ORDER BY o.code, m.full_name, p.staff_id""")
			.param("id", seminarId)
			.query((rs, n) -> new Seminar.Participant(rs.getLong("staff_id"), rs.getString("full_name"),
					rs.getString("code"),
					new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
					rs.getLong("training_id")))
			.list();
	}

	private static Seminar seminar(java.sql.ResultSet rs, List<Seminar.Participant> participants)
			throws java.sql.SQLException {
		return new Seminar(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("c_code"),
				new LocalizedName(rs.getString("c_kk"), rs.getString("c_ru"), rs.getString("c_en")),
				rs.getString("centre_path"), SeminarKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getDate("held_on").toLocalDate(), rs.getInt("hours"), rs.getBoolean("inclusive"), participants);
	}

}
