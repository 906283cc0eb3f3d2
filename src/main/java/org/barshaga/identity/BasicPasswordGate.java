package org.barshaga.identity;

import java.io.IOException;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A password alone over HTTP Basic is not enough for an account with a second factor:
 * such an account calls the API with a personal access token, which it created after
 * giving a code.
 */
class BasicPasswordGate extends OncePerRequestFilter {

	private final SecondFactors factors;

	private final ProblemResponses problems;

	private final AuditLog audit;

	BasicPasswordGate(SecondFactors factors, ProblemResponses problems, AuditLog audit) {
		this.factors = factors;
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (ThrottleFilter.basicName(request.getHeader("Authorization")) != null && signedIn != null
				&& signedIn.getPrincipal() instanceof AccountPrincipal principal
				&& factors.hasFactor(principal.actor())) {
			SecurityContextHolder.clearContext();
			audit.signIn(principal.getUsername(), AuditAction.LOGIN_FAILURE, principal.actor().scope().pathPrefix(),
					"password over HTTP Basic refused: the account has a second factor");
			problems.commence(request, response, new BadCredentialsException("Second factor enrolled"));
			return;
		}
		chain.doFilter(request, response);
	}

}
