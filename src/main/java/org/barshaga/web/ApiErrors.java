package org.barshaga.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, worded in the caller's language
 * (Accept-Language). Invalid input lists every field with what is wrong with it.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException invalid, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
		List<FieldProblem> errors = invalid.problems()
			.stream()
			.map(p -> new FieldProblem(p.field(),
					messages.getMessage("field." + p.field(), null, p.field(), locale) + ": "
							+ messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
			.toList();
		problem.setProperty("errors", errors);
		problem.setDetail(String.join("; ", errors.stream().map(FieldProblem::message).toList()));
		return problem;
	}

	/**
	 * A body that JSON cannot map (a date that does not exist, text for a number, an
	 * unknown code) names the field it stopped at, like any other invalid input.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = null;
		for (Throwable cause = unreadable; cause != null && field == null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				field = json.getPath()
					.stream()
					.map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
					.collect(Collectors.joining("."));
			}
		}
		InvalidInputException invalid = field == null ? InvalidInputException.of("body", "validation.unreadableBody")
				: InvalidInputException.of(field, "validation.unreadableValue");
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = invalid(invalid, locale);
		problem.setTitle(messages.getMessage("problemDetail.title." + HttpMessageNotReadableException.class.getName(),
				null, locale));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException missing, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "problem.notFound", locale);
	}

	@ExceptionHandler(NotPermittedException.class)
	ProblemDetail forbidden(NotPermittedException denied, Locale locale) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden", locale);
	}

	@ExceptionHandler(EditConflictException.class)
	ProblemDetail conflict(EditConflictException conflict, Locale locale) {
		return problem(HttpStatus.CONFLICT, "problem.conflict", locale);
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key + ".detail", null, locale));
		problem.setTitle(messages.getMessage(key + ".title", null, locale));
		return problem;
	}

}
