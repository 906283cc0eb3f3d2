package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.PersonNames;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.blankToNull;
import static org.barshaga.learner.RecordChecks.fields;
import static org.barshaga.learner.RecordChecks.one;
import static org.barshaga.learner.RecordChecks.optionalText;
import static org.barshaga.learner.RecordChecks.require;
import static org.barshaga.learner.RecordChecks.requireText;
import static org.barshaga.learner.RecordChecks.strip;

/** Guardians and consents of a learner. */
@Service
@Transactional(readOnly = true)
class GuardianRecords {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,20}");

	private final LearnerAccess access;

	private final CaseRepository caseRows;

	private final AuditLog audit;

	private final Clock clock;

	GuardianRecords(LearnerAccess access, CaseRepository caseRows, AuditLog audit, Clock clock) {
		this.access = access;
		this.caseRows = caseRows;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long addGuardian(Actor actor, long learnerId, GuardianDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.GUARDIANS);
		GuardianDraft clean = validGuardian(draft);
		long id = caseRows.insertGuardian(learnerId, clean, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(), guardianFields("guardian", clean));
		return id;
	}

	/** Changes a guardian's details; the version read must still be current. */
	@Transactional
	public void updateGuardian(Actor actor, long learnerId, long guardianId, GuardianDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.GUARDIANS);
		Guardian current = one(caseRows.guardians(learnerId), Guardian::id, guardianId, "guardian");
		if (draft.version() == null) {
			throw InvalidInputException.of("version", "validation.required");
		}
		GuardianDraft clean = validGuardian(draft);
		if (!caseRows.updateGuardian(learnerId, guardianId, clean)) {
			throw new EditConflictException("guardian", guardianId);
		}
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				guardianFields("guardian." + guardianId, new GuardianDraft(current.relation(), current.fullName(),
						current.phone(), current.email(), current.address(), null)),
				guardianFields("guardian." + guardianId, clean));
	}

	private static GuardianDraft validGuardian(GuardianDraft draft) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.relation(), "relation", problems);
		requireText(draft.fullName(), "fullName", 200, problems);
		PersonNames.check(problems, "fullName", draft.fullName());
		if (draft.phone() != null && !draft.phone().isBlank() && !PHONE.matcher(draft.phone().strip()).matches()) {
			problems.add("phone", "validation.phone");
		}
		if (draft.email() != null && !draft.email().isBlank() && !draft.email().strip().matches("[^@\\s]+@[^@\\s]+")) {
			problems.add("email", "validation.email");
		}
		optionalText(draft.address(), "address", 400, problems);
		problems.throwIfAny();
		return new GuardianDraft(draft.relation(), strip(draft.fullName()), blankToNull(draft.phone()),
				blankToNull(draft.email()), blankToNull(draft.address()), draft.version());
	}

	private static Map<String, Object> guardianFields(String prefix, GuardianDraft g) {
		return fields(prefix, "relation", g.relation(), "fullName", g.fullName(), "phone", g.phone(), "email",
				g.email(), "address", g.address());
	}

	@Transactional
	public long addConsent(Actor actor, long learnerId, ConsentDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.CONSENTS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.purpose(), "purpose", problems);
		access.pastDate(draft.givenOn(), "givenOn", problems);
		if (draft.guardianId() != null
				&& caseRows.guardians(learnerId).stream().noneMatch(g -> g.id() == draft.guardianId())) {
			problems.add("guardianId", "validation.consent.guardian");
		}
		problems.throwIfAny();
		long id = caseRows.insertConsent(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(), fields("consent", "purpose",
				draft.purpose(), "givenOn", draft.givenOn(), "guardianId", draft.guardianId()));
		return id;
	}

	@Transactional
	public void withdrawConsent(Actor actor, long learnerId, long consentId, ConsentWithdrawal withdrawal) {
		Learner learner = access.writable(actor, learnerId, Section.CONSENTS);
		Consent consent = one(caseRows.consents(learnerId), Consent::id, consentId, "consent");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		access.pastDate(withdrawal.withdrawnOn(), "withdrawnOn", problems);
		if (withdrawal.withdrawnOn() != null && withdrawal.withdrawnOn().isBefore(consent.givenOn())) {
			problems.add("withdrawnOn", "validation.consent.withdrawnBeforeGiven");
		}
		problems.throwIfAny();
		if (!caseRows.withdrawConsent(learnerId, consentId, withdrawal.withdrawnOn(), actor.username())) {
			throw new EditConflictException("consent", consentId);
		}
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("consent." + consentId, "withdrawnOn", null),
				fields("consent." + consentId, "withdrawnOn", withdrawal.withdrawnOn()));
	}

}
