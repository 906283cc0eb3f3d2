package org.barshaga.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit entries. Called inside the transaction of the change it records, so that a
 * change and its audit entry are committed or rolled back together.
 */
@Service
public class AuditLog {

	private final AuditRepository repository;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AuditLog(AuditRepository repository, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void created(Actor actor, String recordType, Object recordId, String recordPath, Map<String, ?> values) {
		Map<String, String> fields = new LinkedHashMap<>();
		values.forEach((field, value) -> fields.put(field, "→ " + text(value)));
		write(actor.username(), AuditAction.CREATE, recordType, recordId, recordPath, fields, null);
	}

	/**
	 * Records an update with the fields whose values differ between before and after.
	 * Both maps name the same fields; a field that did not change is left out.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void updated(Actor actor, String recordType, Object recordId, String recordPath, Map<String, ?> before,
			Map<String, ?> after) {
		Map<String, String> changed = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			if (!Objects.equals(text(old), text(value))) {
				changed.put(field, text(old) + " → " + text(value));
			}
		});
		write(actor.username(), AuditAction.UPDATE, recordType, recordId, recordPath, changed, null);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void recorded(Actor actor, AuditAction action, String recordType, Object recordId, String recordPath,
			String detail) {
		write(actor.username(), action, recordType, recordId, recordPath, Map.of(), detail);
	}

	/**
	 * Records an event that held many records at once (an export, a report), with each of
	 * them, so that every child's read history shows it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordedHolding(Actor actor, AuditAction action, String recordType, Object recordId, String recordPath,
			String detail, AuditSubjects subjects) {
		long id = write(actor.username(), action, recordType, recordId, recordPath, Map.of(), detail);
		if (!subjects.isEmpty()) {
			repository.insertSubjects(id, subjects);
		}
	}

	/**
	 * Sign-in events happen outside any business transaction and are committed on their
	 * own.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void signIn(String username, AuditAction action, String userPath, String detail) {
		write(username, action, "user", username, userPath, Map.of(), detail);
	}

	private long write(String actor, AuditAction action, String recordType, Object recordId, String recordPath,
			Map<String, String> fields, String detail) {
		String fieldText = fields.isEmpty() ? null
				: fields.entrySet()
					.stream()
					.map(e -> e.getKey() + ": " + e.getValue())
					.collect(Collectors.joining("\n"));
		long id = repository.insert(new AuditEntry(null, Instant.now(clock), actor, action, recordType,
				recordId == null ? null : recordId.toString(), recordPath, truncate(fieldText, 8000), remoteAddress(),
				truncate(detail, 1000)));
		if (action == AuditAction.CREATE || action == AuditAction.UPDATE || action == AuditAction.DELETE
				|| action == AuditAction.IMPORT) {
			events.publishEvent(new AuditedChange(action, recordType));
		}
		return id;
	}

	private static String text(Object value) {
		return value == null ? "∅" : value.toString();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static String remoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

}
