package org.barshaga.identity;

import java.time.Instant;

import org.barshaga.kernel.Role;

/** A user account as the API shows it. */
record UserView(long id, String username, String fullName, String email, Role role, String scope, String scopePath,
		boolean enabled, boolean locked, Instant lastLoginAt, int version) {

	static UserView of(UserAccount account, Instant now) {
		return new UserView(account.id(), account.username(), account.fullName(), account.email(), account.role(),
				account.scopeCode(), account.scopePath(), account.enabled(), account.isLocked(now),
				account.lastLoginAt(), account.version());
	}

}
