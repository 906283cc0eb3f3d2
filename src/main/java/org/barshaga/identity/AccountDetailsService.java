package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
		String normalised = SignInThrottle.normalise(username);
		UserRepository.WithHash found = users.findWithHash(normalised)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return principal(found.account(), found.passwordHash());
	}

	/** The account as it is now, for a session that was opened earlier; empty if gone. */
	Optional<AccountPrincipal> reload(long id) {
		return users.findWithHash(id).map(found -> principal(found.account(), found.passwordHash()));
	}

	AccountPrincipal principal(UserAccount account, String hash) {
		Instant now = Instant.now(clock);
		return new AccountPrincipal(
				new Actor(account.id(), account.username(), account.fullName(), account.role(), account.scope()), hash,
				account.enabled(), account.isLocked(now), account.failedLogins(),
				hash == null ? "" : stamp(account, hash));
	}

	/**
	 * What a session's account must still have for the session to go on: the password,
	 * the role and the place it signed in with.
	 */
	private static String stamp(UserAccount account, String hash) {
		return AccessTokens.hash(hash + "\n" + account.role().name() + "\n" + account.scopeCode());
	}

}
