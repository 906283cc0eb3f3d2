package org.barshaga.identity;

import org.barshaga.kernel.PersonNames;

/**
 * An account as a manager submits it. {@code scope} is the code of the unit (for example
 * {@code KZ-61-D08}) or of the organisation the account is bound to. {@code password} is
 * required for a new account and optional when changing one.
 */
public record UserDraft(String username, String fullName, String email, String role, String scope, Boolean enabled,
		String password, Integer version) {

	public UserDraft {
		fullName = PersonNames.normalised(fullName);
	}

}
