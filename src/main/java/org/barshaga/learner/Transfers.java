package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.registry.Organisation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.fields;

/**
 * Transfers of a record between places. Registering a child whose IIN is held outside the
 * registrant's scope does not say so: it becomes a request that the holding place sees,
 * with who asked, and answers. Only an accepted request moves the record out of the
 * holder's scope. Every step is audited under the child's record.
 */
@Service
@Transactional(readOnly = true)
class Transfers {

	private final LearnerAccess access;

	private final TransferRepository transferRows;

	private final LearnerRepository learnerRows;

	private final CaseRepository caseRows;

	private final AuditLog audit;

	private final Clock clock;

	Transfers(LearnerAccess access, TransferRepository transferRows, LearnerRepository learnerRows,
			CaseRepository caseRows, AuditLog audit, Clock clock) {
		this.access = access;
		this.transferRows = transferRows;
		this.learnerRows = learnerRows;
		this.caseRows = caseRows;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Asks the holding place for the record, in place of registering it a second time. A
	 * repeat of a pending request adds nothing but its audit entry.
	 */
	@Transactional
	TransferRequest request(Actor actor, long learnerId, String heldPath, Learner submitted, Organisation school,
			EnrolmentDraft enrolment, String targetPath) {
		Instant now = Instant.now(clock);
		String targetCode = school != null ? school.code() : submitted.homeUnitCode();
		Optional<Long> pending = transferRows.pending(learnerId, targetPath);
		long id = pending.orElseGet(() -> transferRows.insert(learnerId, actor.scope().pathPrefix(), targetPath,
				targetCode, submitted, school == null ? null : school.id(), enrolment, actor.username(), now));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, heldPath,
				fields("transfer." + id, "requestedFor", targetCode, "surname", submitted.surname(), "givenName",
						submitted.givenName(), "patronymic", submitted.patronymic(), "birthDate",
						submitted.birthDate()));
		return new TransferRequest(id, TransferStatus.PENDING, targetCode, submitted.surname(), submitted.givenName(),
				submitted.patronymic(), submitted.birthDate(), now, actor.username(), null, null, null, null);
	}

	/** Requests for the records the actor's place holds; each child shown is audited. */
	@Transactional
	List<TransferRequest> held(Actor actor) {
		LearnerAccess.requireIdentityWriter(actor);
		List<TransferRepository.Stored> rows = transferRows.held(access.scopeOf(actor));
		for (TransferRepository.Stored row : rows) {
			audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, row.request().learnerId(), row.learnerPath(),
					"transfer request " + row.request().id() + ": fullName");
		}
		return rows.stream().map(TransferRepository.Stored::request).toList();
	}

	/**
	 * Requests made for the actor's place, as the requester may see them: what it entered
	 * and the answer; the child's record only once it has moved here.
	 */
	@Transactional
	List<TransferRequest> requested(Actor actor) {
		LearnerAccess.requireIdentityWriter(actor);
		List<TransferRepository.Stored> rows = transferRows.requested(access.scopeOf(actor));
		for (TransferRepository.Stored row : rows) {
			if (row.request().status() == TransferStatus.ACCEPTED
					&& access.scopeOf(actor).contains(row.learnerPath())) {
				audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, row.request().learnerId(),
						row.learnerPath(), "transfer request " + row.request().id() + ": fullName");
			}
		}
		return rows.stream()
			.map(row -> row.request().status() == TransferStatus.ACCEPTED
					&& access.scopeOf(actor).contains(row.learnerPath()) ? row.request().forRequester()
							: hidden(row.request().forRequester()))
			.toList();
	}

	private static TransferRequest hidden(TransferRequest r) {
		return new TransferRequest(r.id(), r.status(), r.targetCode(), r.surname(), r.givenName(), r.patronymic(),
				r.birthDate(), r.requestedAt(), r.requestedBy(), r.answeredAt(), null, null, null);
	}

	/**
	 * Moves the record to the place that asked: enrolled in its school (the open
	 * enrolment ends, reason transfer), or at its home unit.
	 */
	@Transactional
	void accept(Actor actor, long id) {
		TransferRepository.Stored stored = heldRequest(actor, id);
		Instant now = Instant.now(clock);
		if (!transferRows.answer(id, TransferStatus.ACCEPTED, actor.username(), now)) {
			throw new EditConflictException("transfer", id);
		}
		long learnerId = stored.request().learnerId();
		Learner before = learnerRows.findInScope(learnerId, access.scopeOf(actor)).orElseThrow();
		Optional<Enrolment> open = caseRows.enrolments(learnerId).stream().filter(Enrolment::isOpen).findFirst();
		LocalDate moveOn = stored.enrolment() != null ? stored.enrolment().startedOn() : access.today();
		if (open.isPresent() && moveOn.isBefore(open.get().startedOn())) {
			moveOn = open.get().startedOn();
		}
		if (open.isPresent()) {
			caseRows.endEnrolment(learnerId, open.get().id(), new EnrolmentEnd(moveOn, EnrolmentEndReason.TRANSFER));
			audit.updated(actor, Learners.RECORD_TYPE, learnerId, before.path(),
					fields("enrolment." + open.get().id(), "endedOn", null, "endReason", null),
					fields("enrolment." + open.get().id(), "endedOn", moveOn, "endReason",
							EnrolmentEndReason.TRANSFER));
		}
		if (stored.organisationId() != null) {
			EnrolmentDraft e = stored.enrolment();
			EnrolmentDraft enrolment = new EnrolmentDraft(e.organisationCode(), e.grade(), e.className(), e.form(),
					moveOn, null);
			caseRows.insertEnrolment(learnerId, stored.organisationId(), enrolment, actor.username(), now);
			audit.created(actor, Learners.RECORD_TYPE, learnerId, stored.targetPath(),
					fields("enrolment", "organisation", e.organisationCode(), "grade", e.grade(), "className",
							e.className(), "form", e.form(), "startedOn", moveOn));
		}
		learnerRows.relocate(learnerId, stored.homeUnitCode(), stored.targetPath(), actor.username(), now);
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, before.path(),
				fields("transfer." + id, "status", TransferStatus.PENDING, "path", before.path(), "homeUnitCode",
						before.homeUnitCode()),
				fields("transfer." + id, "status", TransferStatus.ACCEPTED, "path", stored.targetPath(), "homeUnitCode",
						stored.homeUnitCode()));
	}

	@Transactional
	void refuse(Actor actor, long id) {
		TransferRepository.Stored stored = heldRequest(actor, id);
		if (!transferRows.answer(id, TransferStatus.REFUSED, actor.username(), Instant.now(clock))) {
			throw new EditConflictException("transfer", id);
		}
		audit.updated(actor, Learners.RECORD_TYPE, stored.request().learnerId(), stored.learnerPath(),
				fields("transfer." + id, "status", TransferStatus.PENDING),
				fields("transfer." + id, "status", TransferStatus.REFUSED));
	}

	private TransferRepository.Stored heldRequest(Actor actor, long id) {
		LearnerAccess.requireIdentityWriter(actor);
		return transferRows.heldInScope(id, access.scopeOf(actor))
			.orElseThrow(() -> new NotFoundException("transfer", id));
	}

}
