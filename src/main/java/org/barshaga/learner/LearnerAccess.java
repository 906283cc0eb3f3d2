package org.barshaga.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Component;

/**
 * Who may see and change what in a learner's record: the scope, the health fields, the
 * sections each role writes and the consent to processing. Every read and write of the
 * register asks here, so that each rule exists once.
 */
@Component
class LearnerAccess {

	private final LearnerRepository learnerRows;

	private final CaseRepository caseRows;

	private final PlanRepository planRows;

	private final Clock clock;

	LearnerAccess(LearnerRepository learnerRows, CaseRepository caseRows, PlanRepository planRows, Clock clock) {
		this.learnerRows = learnerRows;
		this.caseRows = caseRows;
		this.planRows = planRows;
		this.clock = clock;
	}

	/**
	 * The part of the country whose children the actor may see. A PMPC serves the whole
	 * region it sits in (the regional department assigns its territory, which the
	 * registry does not hold); researchers see no child at all.
	 */
	DataScope scopeOf(Actor actor) {
		org.barshaga.kernel.LearnerAccess access = actor.role().learnerAccess(actor.scope());
		if (!access.readsLearners()) {
			throw new NotPermittedException("read learner records");
		}
		return access.scope();
	}

	Learner find(Actor actor, long id) {
		return learnerRows.findInScope(id, scopeOf(actor))
			.orElseThrow(() -> new NotFoundException(Learners.RECORD_TYPE, id));
	}

	boolean isVisible(Actor actor, long id) {
		return learnerRows.findInScope(id, scopeOf(actor)).isPresent();
	}

	boolean seesHealth(Actor actor, Learner learner, List<Consent> consents, LocalDate today) {
		return switch (actor.role().learnerAccess(actor.scope()).health()) {
			case NONE -> false;
			case ALWAYS -> true;
			case WITH_CONSENT -> active(consents, ConsentPurpose.SHARING_WITH_SCHOOL, today);
			case DELEGATED -> active(consents, ConsentPurpose.SHARING_WITH_SCHOOL, today) && learner != null
					&& planRows.isAssigned(learner.id(), actor.userId());
		};
	}

	/**
	 * Whether the health fields of this record (disability status, SEN categories,
	 * functioning) are shown to the actor, and so whether the actor may change them: a
	 * value one may not see is never written, in the pages, the API or a file.
	 */
	boolean seesHealth(Actor actor, Learner learner) {
		return seesHealth(actor, learner, caseRows.consents(learner.id()), today());
	}

	/**
	 * Whether the actor may state the health fields of a record being created. The rule
	 * is the same as for an existing record, over a record that has no consent yet: a
	 * school sees health fields only with the guardian's consent to sharing, so it
	 * records them once that consent is recorded.
	 */
	boolean statesHealthOfNewRecord(Actor actor) {
		return seesHealth(actor, null, List.of(), today());
	}

	static Learner withoutHealth(Learner l) {
		return new Learner(l.id(), l.iin(), l.noIinReason(), l.surname(), l.givenName(), l.patronymic(), l.birthDate(),
				l.sex(), l.citizenship(), l.language(), null, l.homeUnitCode(), l.path(), l.updatedAt(), l.updatedBy(),
				l.version());
	}

	/**
	 * Refuses a write that would leave a learner's row at a path outside the writer's
	 * scope. Handing a record up to a unit above its current place is allowed, because
	 * everyone who sees the unit already saw the record; any other move outside the scope
	 * is a transfer, which the receiving place asks for and the holding place accepts.
	 * @param currentPath where the row is now, or null for a new row
	 */
	void requirePlaceable(Actor actor, String currentPath, String newPath, String field, String messageKey,
			Object shown) {
		boolean inScope = scopeOf(actor).contains(newPath);
		boolean handedUp = currentPath != null && currentPath.startsWith(newPath);
		if (!inScope && !handedUp) {
			throw InvalidInputException.of(field, messageKey, shown);
		}
	}

	static LearnerRecord.Restriction restriction(List<Consent> consents, LocalDate today) {
		if (active(consents, ConsentPurpose.DATA_PROCESSING, today)) {
			return null;
		}
		return consents.stream()
			.filter(c -> c.purpose() == ConsentPurpose.DATA_PROCESSING && c.withdrawnOn() != null)
			.map(c -> new LearnerRecord.Restriction(true, c.withdrawnOn()))
			.findFirst()
			.orElse(new LearnerRecord.Restriction(false, null));
	}

	static boolean active(List<Consent> consents, ConsentPurpose purpose, LocalDate day) {
		return consents.stream().anyMatch(c -> c.purpose() == purpose && c.activeOn(day));
	}

	/** The learner, when the actor may add to this section of the record. */
	Learner writable(Actor actor, long learnerId, Section section) {
		Learner learner = find(actor, learnerId);
		if (!section.writableBy(actor.role())) {
			throw new NotPermittedException("change " + section.slug());
		}
		if (section.needsConsent()) {
			requireProcessingAllowed(learnerId);
		}
		return learner;
	}

	void requireProcessingAllowed(long learnerId) {
		if (restriction(caseRows.consents(learnerId), today()) != null) {
			throw InvalidInputException.of("consent", "validation.consent.processing");
		}
	}

	static void requireIdentityWriter(Actor actor) {
		if (!Section.IDENTITY_WRITERS.contains(actor.role())) {
			throw new NotPermittedException("change learner identities");
		}
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	void pastDate(LocalDate date, String field, InvalidInputException.Collector problems) {
		if (date == null) {
			problems.add(field, "validation.required");
		}
		else if (date.isAfter(today())) {
			problems.add(field, "validation.date.future");
		}
	}

}
