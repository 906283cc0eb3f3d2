package org.barshaga.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in with a passkey: the assertion is checked (signature, challenge, relying party
 * id, origin, user verification) and the account is then read like at password sign-in,
 * so that the session holds the same principal and a disabled account is refused. A
 * passkey with user verification is two factors in one, so the session has given its
 * second factor. A refusal counts in {@link SignInThrottle} under the address (the
 * assertion names no account that can be trusted before it is checked) and is audited.
 */
@Component
class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final AccountDetailsService accounts;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, AccountDetailsService accounts, SignInThrottle throttle,
			AuditLog audit, Clock clock) {
		this.relyingParty = relyingParty;
		this.accounts = accounts;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	/** The name the throttle counts passkey refusals under, one per address. */
	static String throttleName(String address) {
		return "(passkey) " + (address == null ? "" : address);
	}

	/**
	 * The check of an assertion, for the passkey filter's own manager; not a bean, so
	 * that it is no provider of any other manager.
	 */
	AuthenticationProvider provider() {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication attempt) {
				return PasskeySignIn.this.authenticate(attempt);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
			}

		};
	}

	private Authentication authenticate(Authentication attempt) {
		WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) attempt;
		String username;
		try {
			username = relyingParty.authenticate(request.getWebAuthnRequest()).getName();
		}
		catch (RuntimeException refused) {
			throw new BadCredentialsException(refused.getMessage(), refused);
		}
		AccountPrincipal principal = accounts.loadUserByUsername(username);
		if (!principal.isEnabled()) {
			throw new DisabledException("Disabled");
		}
		principal.eraseCredentials();
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, principal.getAuthorities());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
			signedIn.setDetails(new WebAuthenticationDetails(current.getRequest()));
		}
		return signedIn;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		request.changeSessionId();
		TwoFactorGate.given(request, Instant.now(clock));
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		String target = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"authenticated\":true,\"redirectUrl\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\"}");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException refused) throws IOException {
		String address = request.getRemoteAddr();
		throttle.failed(throttleName(address), address);
		audit.signIn("?", AuditAction.LOGIN_FAILURE, "/KZ/",
				"passkey refused: " + reason(refused) + (address == null ? "" : " from " + address));
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"authenticated\":false}");
	}

	/**
	 * The kind of refusal, from the checking library's exception (a bad relying party id
	 * or origin, a bad signature, an unknown credential), never the submitted data.
	 */
	private static String reason(AuthenticationException refused) {
		Throwable cause = refused.getCause() != null ? refused.getCause() : refused;
		return cause.getClass().getSimpleName();
	}

}
