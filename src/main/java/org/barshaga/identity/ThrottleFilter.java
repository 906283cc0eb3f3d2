package org.barshaga.identity;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses sign-in attempts from an address that has failed too often lately. */
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
		boolean formSignIn = "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI());
		boolean apiSignIn = request.getHeader("Authorization") != null;
		if ((formSignIn || apiSignIn) && throttle.isBlocked(request.getRemoteAddr())) {
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

}
