package org.barshaga.identity;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Holds a signed-in session at the second factor: an account that has enrolled reaches
 * nothing but the code page until the session has given a code, and an account whose role
 * requires a second factor reaches nothing but enrolment until it has one. Decided on
 * every request from the account as it is now, so that a factor enrolled or reset
 * elsewhere takes effect in every open session. Sign-out and static files stay reachable.
 */
class TwoFactorGate extends OncePerRequestFilter {

	static final String CODE_PAGE = "/login/two-factor";

	static final String ENROL_PAGE = "/account/two-factor";

	/** When this session last gave a code, as an {@link Instant}. */
	static final String GIVEN_AT = TwoFactorGate.class.getName() + ".givenAt";

	private static final List<String> ALWAYS_OPEN = List.of("/logout", "/css/", "/js/", "/images/", "/webjars/",
			"/favicon.ico", "/error");

	/** A passkey may be given instead of a code. */
	private static final String PASSKEY_OPTIONS = "/webauthn/authenticate/options";

	/**
	 * Enrolment of a passkey, open only to a session that must enrol: a session that
	 * still owes its second factor must not add one of its own choosing.
	 */
	private static final String PASSKEY_ENROLMENT = "/webauthn/register";

	private final SecondFactors factors;

	TwoFactorGate(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof AccountPrincipal principal) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			SecondFactors.Gate gate = factors.gate(principal.actor(), givenAt(request) != null);
			String page = switch (gate) {
				case OPEN -> null;
				case VERIFY -> CODE_PAGE;
				case ENROL -> ENROL_PAGE;
			};
			boolean passkeyStep = gate == SecondFactors.Gate.VERIFY ? path.equals(PASSKEY_OPTIONS)
					: path.equals(PASSKEY_ENROLMENT) || path.equals(PASSKEY_ENROLMENT + "/options");
			if (page != null && !path.equals(page) && !path.startsWith(page + "/") && !passkeyStep
					&& ALWAYS_OPEN.stream().noneMatch(path::startsWith)) {
				response.sendRedirect(request.getContextPath() + page);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static Instant givenAt(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(GIVEN_AT) instanceof Instant at ? at : null;
	}

	static void given(HttpServletRequest request, Instant at) {
		request.getSession().setAttribute(GIVEN_AT, at);
	}

}
