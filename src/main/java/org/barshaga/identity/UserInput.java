package org.barshaga.identity;

/** The user form as submitted from a page. */
record UserInput(String username, String fullName, String email, String role, String scope, String enabled,
		String password, String version) {

	static UserInput blank() {
		return new UserInput(null, null, null, null, null, "true", null, null);
	}

	static UserInput of(UserAccount account) {
		return new UserInput(account.username(), account.fullName(), account.email(), account.role().name(),
				account.scopeCode(), Boolean.toString(account.enabled()), null, Integer.toString(account.version()));
	}

	UserDraft toDraft() {
		Integer parsedVersion;
		try {
			parsedVersion = version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException invalid) {
			parsedVersion = null;
		}
		return new UserDraft(username, fullName, email, role, scope, enabled != null && enabled.contains("true"),
				password, parsedVersion);
	}

}
