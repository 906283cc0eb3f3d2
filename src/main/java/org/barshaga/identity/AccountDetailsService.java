package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.barshaga.kernel.Actor;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountDetailsService implements UserDetailsService {

	private final UserRepository users;

	private final Clock clock;

	AccountDetailsService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		UserAccount account = users.findByUsername(normalised)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		String hash = users.passwordHash(normalised).orElseThrow();
		return principal(account, hash);
	}

	AccountPrincipal principal(UserAccount account, String hash) {
		Instant now = Instant.now(clock);
		return new AccountPrincipal(
				new Actor(account.id(), account.username(), account.fullName(), account.role(), account.scope()), hash,
				account.enabled(), account.isLocked(now), account.failedLogins());
	}

}
