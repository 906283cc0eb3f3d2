package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Audits sign-ins and feeds the throttle from Spring Security's authentication events.
 */
@Component
class SignInEvents {

	private final UserRepository users;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	SignInEvents(UserRepository users, SignInThrottle throttle, AuditLog audit, Clock clock) {
		this.users = users;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void interactiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		throttle.succeeded(username, addressOf(event.getAuthentication()));
		users.recordSuccess(username, Instant.now(clock));
		audit.signIn(username, AuditAction.LOGIN_SUCCESS, pathOf(username),
				WebAuthnAuthenticationFilter.class.isAssignableFrom(event.getGeneratedBy()) ? "passkey"
						: OAuth2LoginAuthenticationFilter.class.isAssignableFrom(event.getGeneratedBy())
								? "identity provider" : null);
	}

	/**
	 * API calls authenticate on every request; only a reset after earlier failures is
	 * worth a write.
	 */
	@EventListener
	void success(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			throttle.succeeded(principal.getUsername(), addressOf(event.getAuthentication()));
			if (principal.failedLogins() > 0) {
				users.recordSuccess(principal.getUsername(), Instant.now(clock));
			}
		}
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String username = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
		String address = addressOf(attempt);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			users.recordFailure(username);
			throttle.failed(username, address);
		}
		String reason = event.getException().getClass().getSimpleName();
		audit.signIn(username.isEmpty() ? "?" : truncate(username), AuditAction.LOGIN_FAILURE, pathOf(username),
				reason + (address == null ? "" : " from " + address));
	}

	@EventListener
	void logout(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		audit.signIn(username, AuditAction.LOGOUT, pathOf(username), null);
	}

	private static String addressOf(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	private String pathOf(String username) {
		return users.findByUsername(username).map(UserAccount::scopePath).orElse("/KZ/");
	}

	private static String truncate(String username) {
		return username.length() <= 60 ? username : username.substring(0, 60);
	}

}
