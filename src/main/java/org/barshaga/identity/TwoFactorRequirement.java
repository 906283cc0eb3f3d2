package org.barshaga.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which roles must sign in with a second factor. By default every role that sees children
 * (its {@link Role#learnerAccess} reads learners); an administrator may change it per
 * role. The whole requirement is switched by {@code barshaga.two-factor.enforce} (on
 * unless configured off, as the embedded demo and the tests do); an account that has
 * enrolled is always asked for its code, whatever the switch says.
 */
@Component
class TwoFactorRequirement {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private volatile boolean enforced;

	TwoFactorRequirement(JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${barshaga.two-factor.enforce:true}") boolean enforced) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.enforced = enforced;
	}

	boolean enforced() {
		return enforced;
	}

	/** Switches the requirement at run time; the property only gives its start value. */
	void enforce(boolean on) {
		this.enforced = on;
	}

	static boolean requiredByDefault(Role role) {
		return role.learnerAccess(DataScope.NATION).readsLearners();
	}

	/**
	 * Whether an account of this role that has not enrolled must enrol before anything
	 * else.
	 */
	boolean requires(Role role) {
		return enforced && choices().get(role);
	}

	/**
	 * Every role with what applies to it now: the administrator's choice or the default.
	 */
	Map<Role, Boolean> choices() {
		Map<Role, Boolean> choices = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			choices.put(role, requiredByDefault(role));
		}
		jdbc.sql("SELECT role, required FROM two_factor_role")
			.query((rs, row) -> Map.entry(rs.getString("role"), rs.getBoolean("required")))
			.list()
			.forEach(choice -> choices.put(Role.valueOf(choice.getKey()), choice.getValue()));
		return choices;
	}

	@Transactional
	void choose(Actor actor, Map<Role, Boolean> required) {
		if (!actor.is(Role.ADMIN)) {
			throw new NotPermittedException("choose the second-factor requirement");
		}
		Map<Role, Boolean> before = choices();
		Map<String, Boolean> was = new LinkedHashMap<>();
		Map<String, Boolean> now = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			boolean chosen = required.getOrDefault(role, false);
			was.put(role.name(), before.get(role));
			now.put(role.name(), chosen);
			jdbc.sql("DELETE FROM two_factor_role WHERE role = :role").param("role", role.name()).update();
			jdbc.sql("""
					INSERT INTO two_factor_role (role, required, changed_at, changed_by)
					VALUES (:role, :required, :at, :by)""")
				.param("role", role.name())
				.param("required", chosen)
				.param("at", Timestamp.from(Instant.now(clock)))
				.param("by", actor.username())
				.update();
		}
		audit.updated(actor, "two_factor_role", "roles", DataScope.NATION.pathPrefix(), was, now);
	}

}
