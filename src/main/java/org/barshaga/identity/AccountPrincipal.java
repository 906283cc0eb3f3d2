package org.barshaga.identity;

import java.util.Collection;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ActorPrincipal;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it; {@link #actor()} is what the rest of
 * the system sees.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal {

	private final Actor actor;

	private final boolean enabled;

	private final boolean locked;

	private final int failedLogins;

	private final String credentialsStamp;

	private String passwordHash;

	AccountPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked, int failedLogins,
			String credentialsStamp) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.failedLogins = failedLogins;
		this.credentialsStamp = credentialsStamp;
	}

	/**
	 * A digest of the password hash, role and place the account had when this principal
	 * was read: a session whose stamp no longer matches the account's began before the
	 * last change of any of them.
	 */
	String credentialsStamp() {
		return credentialsStamp;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	int failedLogins() {
		return failedLogins;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
