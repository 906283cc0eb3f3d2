package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.fields;
import static org.barshaga.learner.RecordChecks.one;
import static org.barshaga.learner.RecordChecks.optionalText;
import static org.barshaga.learner.RecordChecks.require;
import static org.barshaga.learner.RecordChecks.strip;

/** Enrolments, which place the record in the hierarchy. */
@Service
@Transactional(readOnly = true)
class EnrolmentRecords {

	private final LearnerAccess access;

	private final LearnerRepository learnerRows;

	private final CaseRepository caseRows;

	private final AdminUnits units;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	EnrolmentRecords(LearnerAccess access, LearnerRepository learnerRows, CaseRepository caseRows, AdminUnits units,
			Organisations organisations, AuditLog audit, Clock clock) {
		this.access = access;
		this.learnerRows = learnerRows;
		this.caseRows = caseRows;
		this.units = units;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Enrols the child in an organisation. An open enrolment ends the day the new one
	 * starts, and the record moves to the new organisation's scope: a school the child
	 * left no longer sees what is recorded after, while the units above both still do.
	 */
	@Transactional
	public long enrol(Actor actor, long learnerId, EnrolmentDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.ENROLMENTS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Organisation organisation = validEnrolmentPlace(draft, problems);
		Optional<Enrolment> open = caseRows.enrolments(learnerId).stream().filter(Enrolment::isOpen).findFirst();
		validateEnrolment(draft, open.orElse(null), problems);
		problems.throwIfAny();
		access.requirePlaceable(actor, learner.path(), organisation.path(), "organisationCode",
				"validation.learner.placeOutsideScope", organisation.code());
		Instant now = Instant.now(clock);
		if (open.isPresent()) {
			EnrolmentEndReason reason = draft.previousEndReason() == null ? EnrolmentEndReason.TRANSFER
					: draft.previousEndReason();
			if (!caseRows.endEnrolment(learnerId, open.get().id(), new EnrolmentEnd(draft.startedOn(), reason))) {
				throw new EditConflictException("enrolment", open.get().id());
			}
			audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
					fields("enrolment." + open.get().id(), "endedOn", null, "endReason", null),
					fields("enrolment." + open.get().id(), "endedOn", draft.startedOn(), "endReason", reason));
		}
		long id = caseRows.insertEnrolment(learnerId, organisation.id(), draft, actor.username(), now);
		learnerRows.move(learnerId, organisation.path(), actor.username(), now);
		audit.created(actor, Learners.RECORD_TYPE, learnerId, organisation.path(),
				enrolmentFields(organisation, draft));
		return id;
	}

	@Transactional
	public void endEnrolment(Actor actor, long learnerId, long enrolmentId, EnrolmentEnd end) {
		Learner learner = access.writable(actor, learnerId, Section.ENROLMENTS);
		Enrolment enrolment = one(caseRows.enrolments(learnerId), Enrolment::id, enrolmentId, "enrolment");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		access.pastDate(end.endedOn(), "endedOn", problems);
		if (end.endedOn() != null && end.endedOn().isBefore(enrolment.startedOn())) {
			problems.add("endedOn", "validation.enrolment.endBeforeStart");
		}
		require(end.reason(), "endReason", problems);
		problems.throwIfAny();
		String home = units.get(learner.homeUnitCode()).path();
		access.requirePlaceable(actor, learner.path(), home, "endedOn", "validation.enrolment.homeOutsideScope",
				learner.homeUnitCode());
		if (!caseRows.endEnrolment(learnerId, enrolmentId, end)) {
			throw new EditConflictException("enrolment", enrolmentId);
		}
		learnerRows.move(learnerId, home, actor.username(), Instant.now(clock));
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("enrolment." + enrolmentId, "endedOn", null, "endReason", null),
				fields("enrolment." + enrolmentId, "endedOn", end.endedOn(), "endReason", end.reason()));
	}

	Organisation validEnrolmentPlace(EnrolmentDraft draft, InvalidInputException.Collector problems) {
		if (draft.organisationCode() == null || draft.organisationCode().isBlank()) {
			problems.add("organisationCode", "validation.required");
			return null;
		}
		Organisation organisation = organisations
			.findByCode(draft.organisationCode().strip().toUpperCase(java.util.Locale.ROOT))
			.orElse(null);
		if (organisation == null) {
			problems.add("organisationCode", "validation.organisation.unknown", draft.organisationCode());
		}
		else if (!organisation.type().teachesChildren() || organisation.status() != OrganisationStatus.OPEN) {
			problems.add("organisationCode", "validation.enrolment.notASchool", organisation.code());
			return null;
		}
		return organisation;
	}

	void validateEnrolment(EnrolmentDraft draft, Enrolment open, InvalidInputException.Collector problems) {
		if (draft.form() == null || draft.form() == EducationForm.NOT_ENROLLED) {
			problems.add("form", "validation.required");
		}
		optionalText(draft.grade(), "grade", 10, problems);
		optionalText(draft.className(), "className", 20, problems);
		access.pastDate(draft.startedOn(), "startedOn", problems);
		if (open != null && draft.startedOn() != null && draft.startedOn().isBefore(open.startedOn())) {
			problems.add("startedOn", "validation.enrolment.beforeCurrent", open.startedOn().toString());
		}
	}

	static Map<String, Object> enrolmentFields(Organisation organisation, EnrolmentDraft draft) {
		return fields("enrolment", "organisation", organisation.code(), "grade", draft.grade(), "className",
				draft.className(), "form", draft.form(), "startedOn", draft.startedOn());
	}

}
