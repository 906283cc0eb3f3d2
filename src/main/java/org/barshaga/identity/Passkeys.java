package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The passkeys of accounts, in Spring Security's tables ({@code user_entities},
 * {@code user_credentials}), joined to an account by its user name. Every credential
 * Spring's registration stores passes through here, so that a new passkey is audited; a
 * passkey is removed by its owner or with the whole second factor by an administrator's
 * reset, and that is audited too.
 */
@Component
class Passkeys implements UserCredentialRepository {

	/** A passkey as its owner sees it on the two-factor page. */
	record Passkey(String id, String label, LocalDateTime created, LocalDateTime lastUsed) {
	}

	private final UserCredentialRepository stored;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Passkeys(JdbcTemplate template, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.stored = new JdbcUserCredentialRepository(template);
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void delete(Bytes credentialId) {
		stored.delete(credentialId);
	}

	@Override
	@Transactional
	public void save(CredentialRecord credential) {
		boolean added = stored.findByCredentialId(credential.getCredentialId()) == null;
		stored.save(credential);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (added && signedIn != null && signedIn.getPrincipal() instanceof AccountPrincipal principal) {
			Actor actor = principal.actor();
			audit.recorded(actor, AuditAction.UPDATE, "user", actor.userId(), actor.scope().pathPrefix(),
					"passkey added");
			// The ceremony that made the passkey has just proved the device with the
			// user's
			// verification: the session has given its second factor, or adding one would
			// send
			// its owner straight to the code page to give it again.
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
				TwoFactorGate.given(request.getRequest(), Instant.now(clock));
			}
		}
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return stored.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return stored.findByUserId(userId);
	}

	boolean any(String username) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM user_credentials c
				JOIN user_entities e ON e.id = c.user_entity_user_id
				WHERE e.name = :name""").param("name", username).query(Integer.class).single() > 0;
	}

	List<Passkey> of(String username) {
		return jdbc.sql("""
				SELECT c.credential_id, c.label, c.created, c.last_used FROM user_credentials c
				JOIN user_entities e ON e.id = c.user_entity_user_id
				WHERE e.name = :name ORDER BY c.created, c.credential_id""")
			.param("name", username)
			.query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), local(rs.getTimestamp(3)),
					local(rs.getTimestamp(4))))
			.list();
	}

	/** The owner removes one of their passkeys. */
	@Transactional
	void remove(Actor actor, String credentialId) {
		int removed = jdbc.sql("""
				DELETE FROM user_credentials WHERE credential_id = :id AND user_entity_user_id IN
				  (SELECT id FROM user_entities WHERE name = :name)""")
			.param("id", credentialId == null ? "" : credentialId)
			.param("name", actor.username())
			.update();
		if (removed == 0) {
			throw InvalidInputException.of("passkey", "passkey.error.unknown");
		}
		audit.recorded(actor, AuditAction.UPDATE, "user", actor.userId(), actor.scope().pathPrefix(),
				"passkey removed");
	}

	/** Every passkey of an account, with the rest of its second factor. */
	void removeAll(String username) {
		jdbc.sql("DELETE FROM user_entities WHERE name = :name").param("name", username).update();
	}

	private static LocalDateTime local(Timestamp at) {
		return at == null ? null : at.toLocalDateTime();
	}

}
