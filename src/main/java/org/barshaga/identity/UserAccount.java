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

	/**
	 * The code of the unit or organisation the account is bound to, for display and the
	 * audit: the unit's own code, else the last segment of the organisation's path, which
	 * is its code because a code never holds a slash (kernel {@code Codes}, and the
	 * database's check). Nothing is looked up by it; lookups go by the whole path.
	 */
	public String scopeCode() {
		if (scopeUnitCode != null) {
			return scopeUnitCode;
		}
		String trimmed = scopePath.substring(0, scopePath.length() - 1);
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

}
