package org.barshaga.identity;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After a right password: straight on to the code page or to enrolment when the account
 * needs a second factor (the page asked for first is kept for afterwards), else on to the
 * page asked for.
 */
class TwoFactorSignIn implements AuthenticationSuccessHandler {

	private final SecondFactors factors;

	private final SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

	TwoFactorSignIn(SecondFactors factors) {
		this.factors = factors;
		onwards.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			request.getSession().removeAttribute(TwoFactorGate.GIVEN_AT);
			switch (factors.gate(principal.actor(), false)) {
				case VERIFY -> {
					response.sendRedirect(request.getContextPath() + TwoFactorGate.CODE_PAGE);
					return;
				}
				case ENROL -> {
					response.sendRedirect(request.getContextPath() + TwoFactorGate.ENROL_PAGE);
					return;
				}
				case OPEN -> {
				}
			}
		}
		onwards.onAuthenticationSuccess(request, response, authentication);
	}

	/** Where the code page sends the session once the code is given. */
	void continueAfterCode(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		onwards.onAuthenticationSuccess(request, response, authentication);
	}

}
