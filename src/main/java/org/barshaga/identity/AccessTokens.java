package org.barshaga.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. Only a SHA-256 hash of each token is stored; the
 * token is shown once when it is created. A token acts with its owner's role and scope,
 * and stops working when it expires, is revoked, or its owner is disabled.
 */
@Service
@Transactional(readOnly = true)
public class AccessTokens {

	static final String PREFIX = "bsg_";

	static final int MAX_DAYS = 366;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final AccountDetailsService details;

	private final AuditLog audit;

	private final Clock clock;

	AccessTokens(JdbcClient jdbc, UserRepository users, AccountDetailsService details, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.details = details;
		this.audit = audit;
		this.clock = clock;
	}

	/** A token just created, with the secret the owner must copy now. */
	public record Created(AccessToken token, String secret) {
	}

	public List<AccessToken> mine(Actor actor) {
		return jdbc.sql("""
				SELECT id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at
				FROM access_token WHERE user_id = :user ORDER BY created_at DESC, id DESC
				""")
			.param("user", actor.userId())
			.query((rs, n) -> new AccessToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	@Transactional
	public Created create(Actor actor, String name, Integer days) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String label = name == null ? "" : name.strip();
		if (label.isEmpty()) {
			problems.add("name", "validation.required");
		}
		else if (label.length() > 100) {
			problems.add("name", "validation.tooLong", 100);
		}
		if (days != null && (days < 1 || days > MAX_DAYS)) {
			problems.add("days", "validation.range", 1, MAX_DAYS);
		}
		problems.throwIfAny();
		byte[] random = new byte[30];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = Instant.now(clock);
		Instant expires = now.plus(Duration.ofDays(days == null ? 90 : days));
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO access_token (user_id, name, token_hash, token_prefix, created_at, expires_at)
				VALUES (:user, :name, :hash, :prefix, :now, :expires)
				""")
			.param("user", actor.userId())
			.param("name", label)
			.param("hash", hash(secret))
			.param("prefix", secret.substring(0, 12))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.recorded(actor, AuditAction.CREATE, "access-token", id, actor.scope().pathPrefix(), label);
		return new Created(new AccessToken(id, label, secret.substring(0, 12), now, expires, null, null), secret);
	}

	@Transactional
	public void revoke(Actor actor, long id) {
		int revoked = jdbc.sql("""
				UPDATE access_token SET revoked_at = :now
				WHERE id = :id AND user_id = :user AND revoked_at IS NULL
				""")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("id", id)
			.param("user", actor.userId())
			.update();
		if (revoked == 0) {
			throw new NotFoundException("access-token", id);
		}
		audit.recorded(actor, AuditAction.DELETE, "access-token", id, actor.scope().pathPrefix(), "revoked");
	}

	/**
	 * Revokes every live token of an account: after a password change (whoever held the
	 * old password may have made one), and when the account is disabled or gets another
	 * role or place (a token must not outlive the access it was made with). The reason is
	 * audited.
	 */
	@Transactional
	void revokeAll(Actor actor, long userId, String scopePath, String reason) {
		int revoked = jdbc.sql("UPDATE access_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("user", userId)
			.update();
		if (revoked > 0) {
			audit.recorded(actor, AuditAction.DELETE, "access-token", userId, scopePath,
					"revoked " + revoked + " with " + reason);
		}
	}

	/** The principal a presented token stands for, if the token is valid now. */
	@Transactional
	Optional<AccountPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		record Found(long id, String username, Instant lastUsed) {
		}
		Optional<Found> found = jdbc.sql("""
				SELECT t.id, u.username, t.last_used_at FROM access_token t JOIN app_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)
				""")
			.param("hash", hash(secret))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		if (found.get().lastUsed() == null || found.get().lastUsed().plus(LAST_USED_RESOLUTION).isBefore(now)) {
			jdbc.sql("UPDATE access_token SET last_used_at = :now WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", found.get().id())
				.update();
		}
		return users.findByUsername(found.get().username())
			.filter(UserAccount::enabled)
			.map(account -> details.principal(account, null));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
