package org.barshaga.support;

import java.util.Map;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The demo accounts: signed in over HTTP Basic for the API, as an API client would, and
 * with a session for pages, as form sign-in leaves one (pages do not accept Basic).
 */
public final class Demo {

	public static final String ADMIN = "admin";

	public static final String MINISTRY = "ministry";

	public static final String REGION_TURKISTAN = "region.turkistan";

	public static final String DISTRICT_SARYAGASH = "district.saryagash";

	public static final String SCHOOL = "school.demo";

	public static final String RESEARCHER = "researcher";

	/** A speech therapist of the demo school. */
	public static final String SPECIALIST = "specialist.demo";

	/** A specialist of a PMPC in Turkistan region. */
	public static final String PMPC = "pmpc.turkistan";

	public static final String[] ALL = { ADMIN, MINISTRY, REGION_TURKISTAN, DISTRICT_SARYAGASH, SCHOOL, SPECIALIST,
			PMPC, RESEARCHER };

	private Demo() {
	}

	public static RequestPostProcessor as(String username) {
		return credentials(username, BarshagaTest.DEMO_PASSWORD);
	}

	public static RequestPostProcessor basic(String username, String password) {
		return credentials(username, password);
	}

	/** Plain HTTP Basic on any path, to show what a page does with it. */
	public static RequestPostProcessor httpBasicOnly(String username, String password) {
		return httpBasic(username, password);
	}

	private static RequestPostProcessor credentials(String username, String password) {
		return request -> request.getRequestURI().startsWith("/api/v1/")
				? httpBasic(username, password).postProcessRequest(request) : signedIn(request, username, password);
	}

	/**
	 * The session form sign-in would leave, stored where the application keeps sessions
	 * (the database): the account read by the application's own
	 * {@link UserDetailsService}, so the page chain re-reads it on each request as it
	 * does for a person.
	 */
	private static MockHttpServletRequest signedIn(MockHttpServletRequest request, String username, String password) {
		WebApplicationContext application = WebApplicationContextUtils
			.getRequiredWebApplicationContext(request.getServletContext());
		UserDetails account = application.getBean(UserDetailsService.class).loadUserByUsername(username);
		if (!application.getBean(PasswordEncoder.class).matches(password, account.getPassword())) {
			return request;
		}
		if (account instanceof CredentialsContainer container) {
			container.eraseCredentials();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		return SessionCookie.withSession(request, application,
				Map.of(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context));
	}

}
