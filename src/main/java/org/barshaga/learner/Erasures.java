package org.barshaga.learner;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LearnerEraser;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a child's record on a lawful request: every module's rows of the child, through
 * the {@link LearnerEraser}s each module registers, in one transaction. Only an
 * administrator erases, stating the legal basis and the reason. The audit entry names the
 * erasure by a random reference and counts the rows removed per table; it holds nothing
 * that identifies the child (docs/security.md, "A parent's request, retention and
 * erasure").
 */
@Service
public class Erasures {

	static final String RECORD_TYPE = "erasure";

	static final int REASON_MIN = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChildFinder finder;

	private final List<LearnerEraser> erasers;

	private final AuditLog audit;

	Erasures(ChildFinder finder, List<LearnerEraser> erasers, AuditLog audit) {
		this.finder = finder;
		this.erasers = erasers;
		this.audit = audit;
	}

	/** The child named by an IIN or a record number, the legal basis and the reason. */
	public record Request(String record, ErasureBasis basis, String reason) {
	}

	/** What an erasure did: its reference and the rows it removed per table. */
	public record Receipt(String reference, Map<String, Integer> removedRows) {
	}

	@Transactional
	public Receipt erase(Actor actor, Request request) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("erase learner records");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (request.basis() == null) {
			problems.add("basis", "validation.required");
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty()) {
			problems.add("reason", "validation.required");
		}
		else if (reason.length() < REASON_MIN) {
			problems.add("reason", "validation.erasure.reason", REASON_MIN);
		}
		ChildFinder.Found child = null;
		try {
			child = finder.find(request.record(), actor.scope(), "record");
		}
		catch (InvalidInputException refused) {
			refused.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
		}
		problems.throwIfAny();
		Erasure erasure = new Erasure(new ChildReference(child.id(), child.iin()), reference());
		erasers.forEach(eraser -> eraser.beforeErasure(erasure));
		erasers.forEach(eraser -> eraser.erase(erasure));
		erasers.forEach(eraser -> eraser.afterErasure(erasure));
		audit.recorded(actor, AuditAction.DELETE, RECORD_TYPE, erasure.reference(), actor.scope().pathPrefix(),
				"legal basis: " + request.basis().name() + "; reason: " + reason + "; rows removed: "
						+ erasure.removedRows()
							.entrySet()
							.stream()
							.map(e -> e.getKey() + " " + e.getValue())
							.collect(Collectors.joining(", ")));
		return new Receipt(erasure.reference(), erasure.removedRows());
	}

	private static String reference() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return "ER-" + HexFormat.of().formatHex(bytes);
	}

}
