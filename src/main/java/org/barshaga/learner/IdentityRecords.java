package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PersonNames;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.blankToNull;
import static org.barshaga.learner.RecordChecks.optionalText;
import static org.barshaga.learner.RecordChecks.require;
import static org.barshaga.learner.RecordChecks.requireText;
import static org.barshaga.learner.RecordChecks.strip;

/**
 * Creating a learner's record and correcting the identity, with the duplicate IIN rule.
 */
@Service
@Transactional(readOnly = true)
class IdentityRecords {

	private static final int MAX_NAME = 100;

	private final LearnerAccess access;

	private final LearnerRepository learnerRows;

	private final CaseRepository caseRows;

	private final EnrolmentRecords enrolments;

	private final AdminUnits units;

	private final Organisations organisations;

	private final Transfers transfers;

	private final AuditLog audit;

	private final Clock clock;

	IdentityRecords(LearnerAccess access, LearnerRepository learnerRows, CaseRepository caseRows,
			EnrolmentRecords enrolments, AdminUnits units, Organisations organisations, Transfers transfers,
			AuditLog audit, Clock clock) {
		this.access = access;
		this.learnerRows = learnerRows;
		this.caseRows = caseRows;
		this.enrolments = enrolments;
		this.units = units;
		this.organisations = organisations;
		this.transfers = transfers;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers the child, or, when the IIN is held outside the actor's scope, asks the
	 * holding place for the record. Up to that point both go through the same checks in
	 * the same order, so that no answer depends on a record the actor may not see.
	 */
	@Transactional
	public Registration create(Actor actor, LearnerDraft draft) {
		access.requireIdentityWriter(actor);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		boolean health = access.statesHealthOfNewRecord(actor);
		Learner learner = validated(actor, draft, 0, health ? null : Disability.NOT_RECORDED, problems);
		Organisation school = null;
		EnrolmentDraft enrolment = draft.enrolment();
		if (actor.role() == Role.SCHOOL_COORDINATOR) {
			school = organisations.ofScope(actor.scope())
				.orElseThrow(() -> new NotPermittedException("register learners outside an organisation"));
			if (enrolment == null) {
				problems.add("enrolment", "validation.learner.enrolmentRequired");
			}
			else {
				enrolment = new EnrolmentDraft(school.code(), enrolment.grade(), enrolment.className(),
						enrolment.form(), enrolment.startedOn(), null);
			}
		}
		if (enrolment != null) {
			school = enrolments.validEnrolmentPlace(enrolment, problems);
			enrolments.validateEnrolment(enrolment, null, problems);
		}
		problems.throwIfAny();
		String path = school != null ? school.path() : units.get(learner.homeUnitCode()).path();
		if (school != null) {
			access.requirePlaceable(actor, null, path, "organisationCode", "validation.learner.placeOutsideScope",
					school.code());
		}
		else {
			access.requirePlaceable(actor, null, path, "homeUnitCode", "validation.learner.placeOutsideScope",
					learner.homeUnitCode());
		}
		Learner placed = withPath(learner, path);
		Optional<Map.Entry<Long, String>> elsewhere = heldElsewhere(actor, learner.iin(), 0);
		if (elsewhere.isPresent()) {
			return new Registration(null, transfers.request(actor, elsewhere.get().getKey(), elsewhere.get().getValue(),
					placed, school, enrolment, path));
		}
		Instant now = Instant.now(clock);
		long id = learnerRows.insert(placed, actor.username(), now);
		audit.created(actor, Learners.RECORD_TYPE, id, path, placed.auditedFields());
		if (enrolment != null) {
			caseRows.insertEnrolment(id, school.id(), enrolment, actor.username(), now);
			audit.created(actor, Learners.RECORD_TYPE, id, path, EnrolmentRecords.enrolmentFields(school, enrolment));
		}
		Learner created = learnerRows.findInScope(id, new DataScope(path)).orElseThrow();
		return new Registration(health ? created : LearnerAccess.withoutHealth(created), null);
	}

	/**
	 * Corrects the identity. An IIN held by a record outside the scope is refused, and
	 * the refusal is written in that record's audit, so that trying IINs is seen by the
	 * place that holds them.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public Learner update(Actor actor, long id, LearnerDraft draft) {
		access.requireIdentityWriter(actor);
		Learner current = access.find(actor, id);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		boolean health = access.seesHealth(actor, current);
		Learner changed = validated(actor, draft, id, health ? null : current.disability(), problems);
		problems.throwIfAny();
		Optional<Map.Entry<Long, String>> elsewhere = heldElsewhere(actor, changed.iin(), id);
		if (elsewhere.isPresent()) {
			audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, elsewhere.get().getKey(),
					elsewhere.get().getValue(), "IIN refused for learner " + id + ": held by this record");
			throw InvalidInputException.of("iin", "validation.iin.unavailable");
		}
		boolean enrolled = caseRows.enrolments(id).stream().anyMatch(Enrolment::isOpen);
		boolean moves = !enrolled && !current.homeUnitCode().equals(changed.homeUnitCode());
		String home = units.get(changed.homeUnitCode()).path();
		if (moves) {
			access.requirePlaceable(actor, current.path(), home, "homeUnitCode", "validation.learner.placeOutsideScope",
					changed.homeUnitCode());
		}
		Learner placed = withPath(changed, current.path());
		placed = new Learner(id, placed.iin(), placed.noIinReason(), placed.surname(), placed.givenName(),
				placed.patronymic(), placed.birthDate(), placed.sex(), placed.citizenship(), placed.language(),
				placed.disability(), placed.homeUnitCode(), current.path(), null, null, draft.version());
		Instant now = Instant.now(clock);
		if (!learnerRows.update(placed, draft.version(), access.scopeOf(actor), actor.username(), now)) {
			throw new EditConflictException(Learners.RECORD_TYPE, id);
		}
		audit.updated(actor, Learners.RECORD_TYPE, id, current.path(), current.auditedFields(), placed.auditedFields());
		if (moves) {
			learnerRows.move(id, home, actor.username(), now);
		}
		Learner updated = learnerRows.findInScope(id, DataScope.NATION).orElseThrow();
		return health ? updated : LearnerAccess.withoutHealth(updated);
	}

	/**
	 * The identity as submitted, checked. {@code keptDisability} is the disability status
	 * to keep when the actor may not see it: then a submitted value is refused, not
	 * ignored, so that an API client knows it was not written.
	 */
	private Learner validated(Actor actor, LearnerDraft draft, long id, Disability keptDisability,
			InvalidInputException.Collector problems) {
		String iin = Iin.normalise(draft.iin());
		NoIinReason noIinReason = iin == null ? draft.noIinReason() : null;
		if (iin != null) {
			Optional<Iin.Problem> problem = Iin.problem(iin);
			if (problem.isPresent()) {
				problems.add("iin", "validation.iin." + problem.get().name());
			}
			else {
				if (draft.birthDate() != null && !draft.birthDate().equals(Iin.birthDate(iin))) {
					problems.add("birthDate", "validation.iin.birthDateMismatch", Iin.birthDate(iin).toString());
				}
				if (draft.sex() != null && draft.sex() != Iin.sex(iin)) {
					problems.add("sex", "validation.iin.sexMismatch");
				}
				learnerRows.findByIin(iin)
					.filter(existing -> existing.getKey() != id && access.scopeOf(actor).contains(existing.getValue()))
					.ifPresent(existing -> {
						throw new DuplicateIinException(existing.getKey());
					});
			}
		}
		else if (noIinReason == null) {
			problems.add("noIinReason", "validation.iin.reasonRequired");
		}
		requireText(draft.surname(), "surname", MAX_NAME, problems);
		requireText(draft.givenName(), "givenName", MAX_NAME, problems);
		optionalText(draft.patronymic(), "patronymic", MAX_NAME, problems);
		PersonNames.check(problems, "surname", draft.surname(), "givenName", draft.givenName(), "patronymic",
				draft.patronymic());
		LocalDate today = access.today();
		if (draft.birthDate() == null) {
			problems.add("birthDate", "validation.required");
		}
		else if (draft.birthDate().isAfter(today)) {
			problems.add("birthDate", "validation.date.future");
		}
		else if (draft.birthDate().isBefore(today.minusYears(30))) {
			problems.add("birthDate", "validation.learner.tooOld");
		}
		require(draft.sex(), "sex", problems);
		require(draft.citizenship(), "citizenship", problems);
		require(draft.language(), "language", problems);
		Disability disability = draft.disability();
		if (keptDisability == null) {
			require(disability, "disability", problems);
		}
		else if (disability != null) {
			problems.add("disability", "validation.health.notVisible");
		}
		else {
			disability = keptDisability;
		}
		OrgUnit home = null;
		if (draft.homeUnitCode() == null || draft.homeUnitCode().isBlank()) {
			problems.add("homeUnitCode", "validation.required");
		}
		else {
			home = units.find(draft.homeUnitCode().strip()).orElse(null);
			if (home == null) {
				problems.add("homeUnitCode", "validation.unit.unknown", draft.homeUnitCode());
			}
			else if (home.isClosed()) {
				problems.add("homeUnitCode", "validation.unit.closed", home.code());
			}
		}
		return new Learner(id, iin, noIinReason, strip(draft.surname()), strip(draft.givenName()),
				blankToNull(draft.patronymic()), draft.birthDate(), draft.sex(), draft.citizenship(), draft.language(),
				disability, home == null ? null : home.code(), null, null, null,
				draft.version() == null ? 0 : draft.version());
	}

	/** The id and path of another learner holding the IIN outside the actor's scope. */
	private Optional<Map.Entry<Long, String>> heldElsewhere(Actor actor, String iin, long id) {
		if (iin == null) {
			return Optional.empty();
		}
		return learnerRows.findByIin(iin)
			.filter(existing -> existing.getKey() != id && !access.scopeOf(actor).contains(existing.getValue()));
	}

	private static Learner withPath(Learner l, String path) {
		return new Learner(l.id(), l.iin(), l.noIinReason(), l.surname(), l.givenName(), l.patronymic(), l.birthDate(),
				l.sex(), l.citizenship(), l.language(), l.disability(), l.homeUnitCode(), path, l.updatedAt(),
				l.updatedBy(), l.version());
	}

}
