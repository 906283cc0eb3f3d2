package org.barshaga.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * One browser's session as the application sees it: sessions live in the database and are
 * found by the {@value #NAME} cookie, so a test keeps the cookie the way a browser does,
 * following it when sign-in or a second factor gives the session a new id and dropping it
 * when the application clears it.
 */
public final class SessionCookie implements RequestPostProcessor {

	/** The cookie Spring Session names the session with. */
	public static final String NAME = "SESSION";

	private final MockMvc mvc;

	private Cookie cookie;

	public SessionCookie(MockMvc mvc) {
		this.mvc = mvc;
	}

	/**
	 * Performs the request with this session's cookie and keeps the cookie it gets back.
	 */
	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		ResultActions actions = mvc.perform(request.with(this));
		remember(actions.andReturn());
		return actions;
	}

	/** Whether the application has given this browser a session. */
	public boolean isOpen() {
		return cookie != null;
	}

	/**
	 * Changes an attribute of the stored session, as time passing or another server
	 * would.
	 */
	public void setAttribute(String name, Object value) {
		SessionRepository<Session> sessions = repository(mvc.getDispatcherServlet().getWebApplicationContext());
		Session session = sessions
			.findById(new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
		session.setAttribute(name, value);
		sessions.save(session);
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (cookie != null) {
			add(request, cookie);
		}
		return request;
	}

	private void remember(MvcResult result) {
		Cookie answered = result.getResponse().getCookie(NAME);
		if (answered != null) {
			cookie = answered.getMaxAge() == 0 || answered.getValue().isEmpty() ? null
					: new Cookie(NAME, answered.getValue());
		}
	}

	/**
	 * Stores a new session with these attributes in the application's session repository
	 * and sends its cookie with the request, as a browser would after signing in.
	 */
	static MockHttpServletRequest withSession(MockHttpServletRequest request, WebApplicationContext application,
			Map<String, Object> attributes) {
		SessionRepository<Session> sessions = repository(application);
		Session session = sessions.createSession();
		attributes.forEach(session::setAttribute);
		sessions.save(session);
		add(request,
				new Cookie(NAME, Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8))));
		return request;
	}

	@SuppressWarnings("unchecked")
	private static SessionRepository<Session> repository(WebApplicationContext application) {
		return application.getBean(SessionRepository.class);
	}

	private static void add(MockHttpServletRequest request, Cookie cookie) {
		Cookie[] others = request.getCookies() == null ? new Cookie[0] : request.getCookies();
		request.setCookies(
				Stream.concat(Arrays.stream(others).filter(other -> !other.getName().equals(NAME)), Stream.of(cookie))
					.toArray(Cookie[]::new));
	}

}
