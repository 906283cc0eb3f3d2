package org.barshaga.learner;

import java.util.List;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child named outside the register, in a request for help to a support organisation:
 * only with the guardian's consent to sharing in force, and every time the name is shown,
 * audited against the child like any other read of the record. Nothing but the name and
 * the place leaves this class.
 */
@Service
@Transactional(readOnly = true)
public class SharedLearners {

	/** The child as a request shows it. */
	public record SharedLearner(long id, String fullName, String path) {
	}

	private final LearnerAccess access;

	private final CaseRepository caseRows;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SharedLearners(LearnerAccess access, CaseRepository caseRows, JdbcClient jdbc, AuditLog audit) {
		this.access = access;
		this.caseRows = caseRows;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The child with this IIN among those the actor sees, when the guardian's consent to
	 * sharing is in force today; otherwise the reason, against {@code field}. The read is
	 * audited with what it is for.
	 */
	@Transactional
	public SharedLearner toShare(Actor actor, String iinInput, String field, String purpose) {
		String iin = Iin.normalise(iinInput);
		Optional<Iin.Problem> problem = Iin.problem(iin);
		if (problem.isPresent()) {
			throw InvalidInputException.of(field, "validation.iin." + problem.get().name());
		}
		DataScope scope = access.scopeOf(actor);
		SharedLearner learner = scope
			.bind(jdbc.sql("SELECT id, surname, given_name, patronymic, path FROM learner WHERE iin = :iin AND "
					+ scope.sql("path")))
			.param("iin", iin)
			.query((rs, n) -> new SharedLearner(rs.getLong("id"),
					name(rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic")),
					rs.getString("path")))
			.optional()
			.orElseThrow(() -> InvalidInputException.of(field, "validation.shared.notFound"));
		if (!sharingAllowed(learner.id())) {
			throw InvalidInputException.of(field, "validation.shared.noConsent");
		}
		audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, learner.id(), learner.path(),
				purpose + ": fullName (consent to sharing checked)");
		return learner;
	}

	/**
	 * The child's name for a party to a request that names it, when the consent to
	 * sharing is still in force; empty once it has been withdrawn. The caller has checked
	 * that the actor is a party to the request; the read is audited.
	 */
	@Transactional
	public Optional<SharedLearner> readShared(Actor actor, long learnerId, String through) {
		if (!sharingAllowed(learnerId)) {
			return Optional.empty();
		}
		Optional<SharedLearner> learner = jdbc
			.sql("SELECT id, surname, given_name, patronymic, path FROM learner WHERE id = :id")
			.param("id", learnerId)
			.query((rs, n) -> new SharedLearner(rs.getLong("id"),
					name(rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic")),
					rs.getString("path")))
			.optional();
		learner.ifPresent(shown -> audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, shown.id(),
				shown.path(), through + ": fullName"));
		return learner;
	}

	/** Whether the guardian's consent to sharing is in force today. */
	public boolean sharingAllowed(long learnerId) {
		List<Consent> consents = caseRows.consents(learnerId);
		return LearnerAccess.active(consents, ConsentPurpose.SHARING_WITH_SCHOOL, access.today());
	}

	private static String name(String surname, String givenName, String patronymic) {
		return surname + " " + givenName + (patronymic == null ? "" : " " + patronymic);
	}

}
