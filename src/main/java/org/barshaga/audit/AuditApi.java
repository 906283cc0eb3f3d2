package org.barshaga.audit;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.ResultPage;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	@Operation(summary = "Audit entries in the caller's scope, newest first (ADMIN and MINISTRY)")
	ResultPage<AuditEntry> search(Actor actor, @RequestParam(required = false) String user,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) @Parameter(
					description = "type:id of one record, e.g. learner:42") String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page) {
		if (subject != null && !subject.isBlank()) {
			int colon = subject.indexOf(':');
			if (colon <= 0 || colon == subject.length() - 1) {
				throw InvalidInputException.of("subject", "validation.audit.subject", subject);
			}
			recordType = subject.substring(0, colon);
			recordId = subject.substring(colon + 1);
		}
		return trail.search(actor, new AuditQuery(user, recordType, recordId, from, to, page));
	}

}
