package org.barshaga.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;
import org.barshaga.kernel.DataScope;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in through an OpenID Connect provider, after Spring Security has checked the ID
 * token (signature against the provider's keys, issuer, audience, expiry, nonce): the
 * person is matched to an existing account by one claim, never created; the provider's
 * {@code acr}/{@code amr} may vouch for the second factor; its groups may set the
 * account's role. The session then holds the account's own principal, like after a
 * password, so that it is re-read on every request and ends when the account is disabled
 * or changed. A refusal counts in {@link SignInThrottle} under the address and is audited
 * without the claim's value (which may be a national identifier).
 */
@Component
class IdentityProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser>, AuthenticationSuccessHandler,
		AuthenticationFailureHandler {

	static final String UNKNOWN_ACCOUNT = "unknown_account";

	private final IdentityProviderSettings settings;

	private final UserRepository users;

	private final AccountDetailsService accounts;

	private final AdminUnits units;

	private final Organisations organisations;

	private final SecondFactors factors;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	private final OidcUserService provider = new OidcUserService();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	IdentityProviderSignIn(IdentityProviderSettings settings, UserRepository users, AccountDetailsService accounts,
			AdminUnits units, Organisations organisations, SecondFactors factors, SignInThrottle throttle,
			AuditLog audit, Clock clock) {
		this.settings = settings;
		this.users = users;
		this.accounts = accounts;
		this.units = units;
		this.organisations = organisations;
		this.factors = factors;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	/** The name the throttle counts a provider's refusals under, one per address. */
	static String throttleName(String address) {
		return "(identity provider) " + (address == null ? "" : address);
	}

	/** The person as the provider vouched for them, bound to the account they matched. */
	static final class ProviderUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final String username;

		private final boolean secondFactor;

		ProviderUser(OidcUser person, String username, boolean secondFactor) {
			super(person.getAuthorities(), person.getIdToken(), person.getUserInfo());
			this.username = username;
			this.secondFactor = secondFactor;
		}

		@Override
		public String getName() {
			return username;
		}

	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = provider.loadUser(request);
		Object value = person.getClaims().get(settings.matchClaim());
		if (!(value instanceof String claimed) || claimed.isBlank()) {
			throw refusal(UNKNOWN_ACCOUNT, "the ID token has no " + settings.matchClaim() + " claim");
		}
		UserAccount account = match(claimed.strip())
			.orElseThrow(() -> refusal(UNKNOWN_ACCOUNT, "no single account matches the " + settings.matchClaim()
					+ " claim by " + settings.matchField().name().toLowerCase(java.util.Locale.ROOT)));
		if (!account.enabled()) {
			throw refusal(UNKNOWN_ACCOUNT, "the matched account is disabled");
		}
		if (settings.groupsSetRoles()) {
			applyGroups(account, person.getClaims().get(settings.groupsClaim()));
		}
		return new ProviderUser(person, account.username(),
				settings.vouchesSecondFactor(person.getClaims().get("acr"), person.getClaims().get("amr")));
	}

	private Optional<UserAccount> match(String claimed) {
		return switch (settings.matchField()) {
			case USERNAME -> users.findByUsername(claimed);
			case EMAIL -> {
				List<UserAccount> found = users.findByEmail(claimed);
				yield found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
			}
		};
	}

	/**
	 * The provider's groups name the role: a role that does not fit the account's place
	 * (a school's role for a district's account) is refused, not half-applied.
	 */
	private void applyGroups(UserAccount account, Object groups) {
		Role role = groups instanceof Iterable<?> held ? settings.roleOf(held) : null;
		if (role == null) {
			throw refusal(UNKNOWN_ACCOUNT, "the provider's groups give no role");
		}
		if (role == account.role()) {
			return;
		}
		boolean fits = Users.suits(role,
				account.scopeUnitCode() == null ? null : units.find(account.scopeUnitCode()).orElse(null),
				account.scopeOrganisationId() == null ? null
						: organisations.ofScope(new DataScope(account.scopePath())).orElse(null));
		if (!fits) {
			throw refusal(UNKNOWN_ACCOUNT, "the provider's groups give a role that does not fit the account's place");
		}
		users.changeRole(account.id(), role, "identity provider", Instant.now(clock));
		audit.signIn(account.username(), AuditAction.UPDATE, account.scopePath(),
				"role set by the identity provider: " + account.role() + " -> " + role);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		ProviderUser person = (ProviderUser) authentication.getPrincipal();
		AccountPrincipal principal = accounts.loadUserByUsername(person.getName());
		principal.eraseCredentials();
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, principal.getAuthorities());
		signedIn.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		TwoFactorSignIn next = new TwoFactorSignIn(factors);
		if (person.secondFactor) {
			TwoFactorGate.given(request, Instant.now(clock));
			next.continueAfterCode(request, response, signedIn);
		}
		else {
			next.onAuthenticationSuccess(request, response, signedIn);
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException refused) throws IOException {
		String address = request.getRemoteAddr();
		throttle.failed(throttleName(address), address);
		OAuth2Error error = refused instanceof OAuth2AuthenticationException oauth ? oauth.getError() : null;
		String code = error == null ? refused.getClass().getSimpleName() : error.getErrorCode();
		String description = error == null || error.getDescription() == null ? "" : ": " + error.getDescription();
		if (description.length() > 300) {
			description = description.substring(0, 300);
		}
		audit.signIn("?", AuditAction.LOGIN_FAILURE, "/KZ/",
				"identity provider refused: " + code + description + (address == null ? "" : " from " + address));
		response.sendRedirect(request.getContextPath() + "/login?error="
				+ (UNKNOWN_ACCOUNT.equals(code) ? "provider-account" : "provider"));
	}

	private static OAuth2AuthenticationException refusal(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
