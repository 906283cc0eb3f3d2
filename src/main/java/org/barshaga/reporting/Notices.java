package org.barshaga.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the people a step concerns: a notice on their reporting page, and an e-mail to
 * those with an address. The people are the enabled accounts of a role bound exactly to
 * the school or unit concerned (the district officers of a school's district, the
 * coordinators of a school), read from the accounts table by role and scope path only.
 */
@Component
class Notices {

	/** How many notices the reporting page shows. */
	static final int SHOWN = 20;

	private final JdbcClient jdbc;

	private final Mailer mailer;

	private final Clock clock;

	Notices(JdbcClient jdbc, Mailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Notifies every enabled account of the role bound to the place's path ({@code null}
	 * for the Ministry, whose accounts are bound to the country).
	 */
	void tell(Role role, String scopePath, String messageKey, String placeCode, int year, Actor actor, String note) {
		List<Recipient> recipients = jdbc.sql("""
				SELECT id, email FROM app_user WHERE role = :role AND enabled = TRUE AND scope_path = :path
				ORDER BY id""")
			.param("role", role.name())
			.param("path", scopePath)
			.query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email")))
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		for (Recipient recipient : recipients) {
			jdbc.sql("""
					INSERT INTO notification (user_id, created_at, message_key, place_code, school_year, actor, note)
					VALUES (:user, :now, :key, :place, :year, :actor, :note)""")
				.param("user", recipient.id())
				.param("now", now)
				.param("key", messageKey)
				.param("place", placeCode)
				.param("year", year)
				.param("actor", actor.username())
				.param("note", note)
				.update();
		}
		mailer.sendAfterCommit(
				recipients.stream().map(Recipient::email).filter(e -> e != null && !e.isBlank()).toList(),
				new Notice(0, clock.instant(), messageKey, placeCode, year, actor.username(), note));
	}

	/** The latest notices of the user, newest first. */
	List<Notice> of(Actor actor) {
		return jdbc.sql("""
				SELECT id, created_at, message_key, place_code, school_year, actor, note FROM notification
				WHERE user_id = :user ORDER BY created_at DESC, id DESC""")
			.param("user", actor.userId())
			.query((rs, n) -> new Notice(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("message_key"), rs.getString("place_code"), rs.getInt("school_year"),
					rs.getString("actor"), rs.getString("note")))
			.stream()
			.limit(SHOWN)
			.toList();
	}

	private record Recipient(long id, String email) {
	}

}
