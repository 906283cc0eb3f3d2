package org.barshaga.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a password attempt that {@link SignInThrottle} holds back, before any hash is
 * computed: a form sign-in, a passkey's assertion, an identity provider's answer or an
 * HTTP Basic call. Bearer tokens and sessions pass untouched. The refusal is the same for
 * every name, existing or not.
 */
class ThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final ProblemResponses problems;

	ThrottleFilter(SignInThrottle throttle, ProblemResponses problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean post = "POST".equals(request.getMethod());
		boolean formSignIn = post && (request.getContextPath() + "/login").equals(request.getRequestURI());
		if (post && (request.getContextPath() + "/login/webauthn").equals(request.getRequestURI())
				&& !throttle.allows(PasskeySignIn.throttleName(request.getRemoteAddr()), request.getRemoteAddr())) {
			problems.throttled(request, response);
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/code/") && !throttle
			.allows(IdentityProviderSignIn.throttleName(request.getRemoteAddr()), request.getRemoteAddr())) {
			response.sendRedirect(request.getContextPath() + "/login?error=throttled");
			return;
		}
		String name = formSignIn ? request.getParameter("username") : basicName(request.getHeader("Authorization"));
		if ((formSignIn || name != null) && !throttle.allows(name, request.getRemoteAddr())) {
			if (formSignIn) {
				response.sendRedirect(request.getContextPath() + "/login?error=throttled");
			}
			else {
				problems.throttled(request, response);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	/** The user name of an HTTP Basic header, or null when the header is not Basic. */
	static String basicName(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException notBase64) {
			return "";
		}
	}

}
