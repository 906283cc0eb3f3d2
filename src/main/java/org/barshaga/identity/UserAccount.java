package org.barshaga.identity;

import java.time.Instant;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

/** A user account as managers see it: never the password hash. */
public record UserAccount(long id, String username, String fullName, String email, Role role, String scopeUnitCode,
		Long scopeOrganisationId, String scopePath, boolean enabled, int failedLogins, Instant lockedUntil,
		Instant lastLoginAt, Instant updatedAt, String updatedBy, int version) {

	public DataScope scope() {
		return new DataScope(scopePath);
	}

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The code of the unit or organisation the account is bound to. */
	public String scopeCode() {
		return scope().innermostCode();
	}

}
