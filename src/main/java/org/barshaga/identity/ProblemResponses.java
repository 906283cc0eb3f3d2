package org.barshaga.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 9457 problem details for API calls refused before they reach a controller: no or
 * bad credentials (401, never a login page), a forbidden role (403), too many failures
 * (429), too many password checks at once (503).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof PasswordHashing.BusyException) {
			response.setHeader("Retry-After", "1");
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.busy");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Barshaga\", Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException denied) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
	}

	void throttled(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.throttled");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		Locale locale = request.getLocale() == null ? Locale.forLanguageTag("kk") : request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key + ".detail", null, locale));
		problem.setTitle(messages.getMessage(key + ".title", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

}
