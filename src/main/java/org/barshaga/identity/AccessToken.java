package org.barshaga.identity;

import java.time.Instant;

/**
 * A personal access token as its owner sees it: the secret itself is shown only once, at
 * creation.
 */
public record AccessToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean isActive(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}

}
