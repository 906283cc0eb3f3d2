package org.barshaga.identity;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Every request of a session sees the account as it is now: one query by id replaces the
 * principal read at sign-in with the current state. A session of an account that is gone,
 * disabled, or whose password, role or place changed since the session began is ended,
 * and the request goes on unauthenticated (to the sign-in page). Such changes also delete
 * the account's sessions at once ({@link AccountSessions}); this check covers a session
 * that began while the change was being written.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

	private final AccountDetailsService accounts;

	CurrentAccountFilter(AccountDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof AccountPrincipal principal) {
			Optional<AccountPrincipal> current = accounts.reload(principal.actor().userId());
			if (current.isEmpty() || !current.get().isEnabled()
					|| !current.get().credentialsStamp().equals(principal.credentialsStamp())) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				current.get().eraseCredentials();
				UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken
					.authenticated(current.get(), null, current.get().getAuthorities());
				fresh.setDetails(signedIn.getDetails());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(fresh);
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

}
