package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;
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

	private final AuditLog audit;

	private final Clock clock;

	IdentityRecords(LearnerAccess access, LearnerRepository learnerRows, CaseRepository caseRows,
			EnrolmentRecords enrolments, AdminUnits units, Organisations organisations, AuditLog audit, Clock clock) {
		this.access = access;
		this.learnerRows = learnerRows;
		this.caseRows = caseRows;
		this.enrolments = enrolments;
		this.units = units;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Learner create(Actor actor, LearnerDraft draft) {
		access.requireIdentityWriter(actor);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Learner learner = validated(actor, draft, 0, problems);
		Organisation school = null;
		EnrolmentDraft enrolment = draft.enrolment();
		if (actor.role() == Role.SCHOOL_COORDINATOR) {
			school = organisations.findByCode(actor.scope().innermostCode()).orElseThrow();
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
		if (!access.scopeOf(actor).contains(path) && !(actor.role() == Role.SCHOOL_COORDINATOR)) {
			throw InvalidInputException.of("homeUnitCode", "validation.unit.outsideScope", learner.homeUnitCode());
		}
		Instant now = Instant.now(clock);
		Learner placed = withPath(learner, path);
		long id = learnerRows.insert(placed, actor.username(), now);
		audit.created(actor, Learners.RECORD_TYPE, id, path, placed.auditedFields());
		if (enrolment != null) {
			caseRows.insertEnrolment(id, school.id(), enrolment, actor.username(), now);
			audit.created(actor, Learners.RECORD_TYPE, id, path, EnrolmentRecords.enrolmentFields(school, enrolment));
		}
		return learnerRows.findInScope(id, new DataScope(path)).orElseThrow();
	}

	@Transactional
	public Learner update(Actor actor, long id, LearnerDraft draft) {
		access.requireIdentityWriter(actor);
		Learner current = access.find(actor, id);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		Learner changed = validated(actor, draft, id, problems);
		problems.throwIfAny();
		Learner placed = withPath(changed, current.path());
		placed = new Learner(id, placed.iin(), placed.noIinReason(), placed.surname(), placed.givenName(),
				placed.patronymic(), placed.birthDate(), placed.sex(), placed.citizenship(), placed.language(),
				placed.disability(), placed.homeUnitCode(), current.path(), null, null, draft.version());
		Instant now = Instant.now(clock);
		if (!learnerRows.update(placed, draft.version(), access.scopeOf(actor), actor.username(), now)) {
			throw new EditConflictException(Learners.RECORD_TYPE, id);
		}
		audit.updated(actor, Learners.RECORD_TYPE, id, current.path(), current.auditedFields(), placed.auditedFields());
		boolean enrolled = caseRows.enrolments(id).stream().anyMatch(Enrolment::isOpen);
		if (!enrolled && !current.homeUnitCode().equals(placed.homeUnitCode())) {
			String home = units.get(placed.homeUnitCode()).path();
			if (!access.scopeOf(actor).contains(home)) {
				throw InvalidInputException.of("homeUnitCode", "validation.unit.outsideScope", placed.homeUnitCode());
			}
			learnerRows.move(id, home, actor.username(), now);
		}
		return learnerRows.findInScope(id, DataScope.NATION).orElseThrow();
	}

	private Learner validated(Actor actor, LearnerDraft draft, long id, InvalidInputException.Collector problems) {
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
				learnerRows.findByIin(iin).filter(existing -> existing.getKey() != id).ifPresent(existing -> {
					if (access.scopeOf(actor).contains(existing.getValue())) {
						throw new DuplicateIinException(existing.getKey());
					}
					problems.add("iin", "validation.iin.duplicateElsewhere");
				});
			}
		}
		else if (noIinReason == null) {
			problems.add("noIinReason", "validation.iin.reasonRequired");
		}
		requireText(draft.surname(), "surname", MAX_NAME, problems);
		requireText(draft.givenName(), "givenName", MAX_NAME, problems);
		optionalText(draft.patronymic(), "patronymic", MAX_NAME, problems);
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
		require(draft.disability(), "disability", problems);
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
				draft.disability(), home == null ? null : home.code(), null, null, null,
				draft.version() == null ? 0 : draft.version());
	}

	private static Learner withPath(Learner l, String path) {
		return new Learner(l.id(), l.iin(), l.noIinReason(), l.surname(), l.givenName(), l.patronymic(), l.birthDate(),
				l.sex(), l.citizenship(), l.language(), l.disability(), l.homeUnitCode(), path, l.updatedAt(),
				l.updatedBy(), l.version());
	}

}
