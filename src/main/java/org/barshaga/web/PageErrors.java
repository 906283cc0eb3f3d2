package org.barshaga.web;

import java.io.IOException;

import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors on pages go to the error page through the container's error dispatch, so that
 * the page is drawn with the full layout (language switcher, navigation) in the user's
 * language.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	/**
	 * The request attribute with what was wrong in a page's address, worded for the user.
	 */
	static final String PROBLEMS = "requestProblems";

	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A page asked for with a value it cannot take (a revision that does not exist, say):
	 * 400, with each problem named in the user's language on the error page.
	 */
	@ExceptionHandler(InvalidInputException.class)
	void invalid(InvalidInputException invalid, Locale locale, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		List<String> problems = invalid.problems()
			.stream()
			.map(p -> messages.getMessage("field." + p.field(), null, p.field(), locale) + ": "
					+ messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale))
			.toList();
		request.setAttribute(PROBLEMS, problems);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(NotPermittedException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
