package org.barshaga.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of an account: a passkey ({@link Passkeys}) or a TOTP secret, pending
 * until the first code confirms it, and single-use recovery codes kept only as hashes. A
 * code is accepted in its own step and the steps either side (clock drift), and once
 * only: the step of the last accepted code is stored and no code of that step or before
 * it is taken again. Refused codes count in {@link SignInThrottle} like wrong passwords
 * and are audited.
 */
@Service
class SecondFactors {

	static final int RECOVERY_CODES = 10;

	/**
	 * How long a given code vouches for the session, for acts that need a fresh factor.
	 */
	static final Duration RECENT = Duration.ofMinutes(15);

	static final String ISSUER = "Barshaga";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Where a signed-in session stands with respect to the second factor. */
	enum Gate {

		OPEN, VERIFY, ENROL

	}

	enum Outcome {

		ACCEPTED, REFUSED, THROTTLED

	}

	/** A secret waiting for its first code, shown to its owner only until then. */
	record Pending(String secret, String uri) {
	}

	private final JdbcClient jdbc;

	private final SecretSealing sealing;

	private final SignInThrottle throttle;

	private final TwoFactorRequirement requirement;

	private final AuditLog audit;

	private final Passkeys passkeys;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, SecretSealing sealing, SignInThrottle throttle, TwoFactorRequirement requirement,
			AuditLog audit, Passkeys passkeys, Clock clock) {
		this.jdbc = jdbc;
		this.passkeys = passkeys;
		this.sealing = sealing;
		this.throttle = throttle;
		this.requirement = requirement;
		this.audit = audit;
		this.clock = clock;
	}

	boolean enrolled(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE user_id = :user AND confirmed_at IS NOT NULL")
			.param("user", userId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether the account has any second factor: a confirmed TOTP secret or a passkey.
	 */
	boolean hasFactor(Actor actor) {
		return hasFactor(actor.userId(), actor.username());
	}

	boolean hasFactor(long userId, String username) {
		return enrolled(userId) || passkeys.any(username);
	}

	/**
	 * What a session must do next: give a code or a passkey (the account has a factor and
	 * the session has not given it), enrol (its role requires it), or nothing.
	 */
	Gate gate(Actor actor, boolean codeGivenInSession) {
		if (hasFactor(actor)) {
			return codeGivenInSession ? Gate.OPEN : Gate.VERIFY;
		}
		return requirement.requires(actor.role()) ? Gate.ENROL : Gate.OPEN;
	}

	int recoveryCodesLeft(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM two_factor_recovery WHERE user_id = :user AND used_at IS NULL")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * The secret waiting for confirmation, made now if there is none; empty once
	 * enrolled.
	 */
	@Transactional
	Optional<Pending> pending(Actor actor) {
		if (enrolled(actor.userId())) {
			return Optional.empty();
		}
		String secret = storedSecret(actor.userId()).orElseGet(() -> {
			String fresh = Totp.newSecret();
			jdbc.sql("""
					INSERT INTO two_factor (user_id, secret, confirmed_at, last_step, created_at)
					VALUES (:user, :secret, NULL, 0, :now)""")
				.param("user", actor.userId())
				.param("secret", sealing.seal(fresh))
				.param("now", Timestamp.from(Instant.now(clock)))
				.update();
			return fresh;
		});
		return Optional.of(new Pending(secret, Totp.uri(ISSUER, actor.username(), secret)));
	}

	/**
	 * Confirms the pending secret with a code from the app and returns the recovery
	 * codes, which are never shown again.
	 */
	@Transactional
	List<String> confirm(Actor actor, String code) {
		String secret = pending(actor).map(Pending::secret)
			.orElseThrow(() -> InvalidInputException.of("code", "twoFactor.error.alreadyEnrolled"));
		long step = matchingStep(secret, normalise(code))
			.orElseThrow(() -> InvalidInputException.of("code", "twoFactor.error.code"));
		jdbc.sql("UPDATE two_factor SET confirmed_at = :now, last_step = :step WHERE user_id = :user")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("step", step)
			.param("user", actor.userId())
			.update();
		List<String> codes = newRecoveryCodes(actor.userId());
		audit.recorded(actor, AuditAction.UPDATE, "user", actor.userId(), actor.scope().pathPrefix(),
				"two-factor enrolled");
		return codes;
	}

	/**
	 * Checks a code (six digits) or a recovery code of an enrolled account: an accepted
	 * code is used up, a refused one counts as a failed sign-in.
	 */
	@Transactional
	Outcome verify(Actor actor, String code, String address) {
		if (!throttle.allows(actor.username(), address)) {
			audit.signIn(actor.username(), AuditAction.LOGIN_FAILURE, actor.scope().pathPrefix(),
					"second factor throttled" + from(address));
			return Outcome.THROTTLED;
		}
		String entered = normalise(code);
		String refusal = entered.matches("\\d{" + Totp.DIGITS + "}") ? useCode(actor.userId(), entered)
				: useRecoveryCode(actor.userId(), entered);
		if (refusal != null) {
			throttle.failed(actor.username(), address);
			audit.signIn(actor.username(), AuditAction.LOGIN_FAILURE, actor.scope().pathPrefix(),
					"second factor refused: " + refusal + from(address));
			return Outcome.REFUSED;
		}
		audit.signIn(actor.username(), AuditAction.LOGIN_SUCCESS, actor.scope().pathPrefix(),
				"second factor" + (entered.length() == Totp.DIGITS ? "" : " (recovery code)") + from(address));
		return Outcome.ACCEPTED;
	}

	/**
	 * For acts that need a recent factor (creating an access token): nothing for an
	 * account without one; otherwise a code or a passkey given within {@link #RECENT}, or
	 * a code given now (an account with passkeys only signs in again with one). Returns
	 * when the factor was given, for the session to remember.
	 */
	@Transactional
	Optional<Instant> requireRecent(Actor actor, Instant givenAt, String code, String address) {
		if (!hasFactor(actor)) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		if (givenAt != null && givenAt.plus(RECENT).isAfter(now)) {
			return Optional.of(givenAt);
		}
		if (!enrolled(actor.userId())) {
			throw InvalidInputException.of("code", "passkey.error.recent", RECENT.toMinutes());
		}
		if (code == null || code.isBlank()) {
			throw InvalidInputException.of("code", "twoFactor.error.recent", RECENT.toMinutes());
		}
		return switch (verify(actor, code, address)) {
			case ACCEPTED -> Optional.of(now);
			case THROTTLED -> throw InvalidInputException.of("code", "login.error.throttled");
			case REFUSED -> throw InvalidInputException.of("code", "twoFactor.error.code");
		};
	}

	/** Turns the second factor off, on a current code; the owner may then enrol anew. */
	@Transactional
	void disable(Actor actor, String code, String address) {
		switch (verify(actor, code, address)) {
			case ACCEPTED -> {
				remove(actor.userId());
				audit.recorded(actor, AuditAction.UPDATE, "user", actor.userId(), actor.scope().pathPrefix(),
						"two-factor turned off");
			}
			case THROTTLED -> throw InvalidInputException.of("code", "login.error.throttled");
			case REFUSED -> throw InvalidInputException.of("code", "twoFactor.error.code");
		}
	}

	/**
	 * An administrator clears a user's second factor (a lost phone); the user enrols
	 * again.
	 */
	@Transactional
	void reset(Actor actor, UserAccount account) {
		if (!actor.is(Role.ADMIN)) {
			throw new NotPermittedException("reset a second factor");
		}
		remove(account.id());
		passkeys.removeAll(account.username());
		audit.recorded(actor, AuditAction.UPDATE, "user", account.id(), account.scopePath(), "two-factor reset");
	}

	private void remove(long userId) {
		jdbc.sql("DELETE FROM two_factor_recovery WHERE user_id = :user").param("user", userId).update();
		jdbc.sql("DELETE FROM two_factor WHERE user_id = :user").param("user", userId).update();
	}

	private String useCode(long userId, String entered) {
		Optional<String> secret = jdbc
			.sql("SELECT secret FROM two_factor WHERE user_id = :user AND confirmed_at IS NOT NULL")
			.param("user", userId)
			.query(String.class)
			.optional()
			.map(sealing::open);
		if (secret.isEmpty()) {
			return "not enrolled";
		}
		Optional<Long> step = matchingStep(secret.get(), entered);
		if (step.isEmpty()) {
			return "wrong code";
		}
		int taken = jdbc.sql("UPDATE two_factor SET last_step = :step WHERE user_id = :user AND last_step < :step")
			.param("step", step.get())
			.param("user", userId)
			.update();
		return taken == 1 ? null : "code already used";
	}

	private String useRecoveryCode(long userId, String entered) {
		int taken = jdbc.sql("""
				UPDATE two_factor_recovery SET used_at = :now
				WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("user", userId)
			.param("hash", AccessTokens.hash(entered))
			.update();
		return taken == 1 ? null : "wrong or used recovery code";
	}

	private Optional<Long> matchingStep(String secret, String entered) {
		long now = Totp.step(Instant.now(clock).getEpochSecond());
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
					entered.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private Optional<String> storedSecret(long userId) {
		return jdbc.sql("SELECT secret FROM two_factor WHERE user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional()
			.map(sealing::open);
	}

	private List<String> newRecoveryCodes(long userId) {
		jdbc.sql("DELETE FROM two_factor_recovery WHERE user_id = :user").param("user", userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] random = new byte[7];
			RANDOM.nextBytes(random);
			String code = Totp.base32(random).substring(0, 10).toLowerCase(Locale.ROOT);
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
			jdbc.sql("INSERT INTO two_factor_recovery (user_id, code_hash) VALUES (:user, :hash)")
				.param("user", userId)
				.param("hash", AccessTokens.hash(code))
				.update();
		}
		return codes;
	}

	/** Spaces and dashes are left out, letters are read in lower case. */
	static String normalise(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private static String from(String address) {
		return address == null ? "" : " from " + address;
	}

}
