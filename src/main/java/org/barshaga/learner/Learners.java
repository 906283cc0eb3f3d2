package org.barshaga.learner;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.ResultPage;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way into a child's record. Every read is audited (the record page, the API and
 * each line of a list); every change is audited with its fields, under the record type
 * {@value #RECORD_TYPE} and the learner's id, so that one query shows who read or changed
 * the record. Scope is checked in the SQL that finds the learner; nothing below a learner
 * is read before the learner was found in the reader's scope. The rules of access are in
 * {@link LearnerAccess}; the writes of each section of the record in its own service.
 */
@Service
@Transactional(readOnly = true)
public class Learners {

	static final String RECORD_TYPE = "learner";

	private static final int DELIVERY_MONTHS = 3;

	private final LearnerAccess access;

	private final LearnerRepository learnerRows;

	private final LearnerCounts counts;

	private final CaseRepository caseRows;

	private final SenRecordRepository senRows;

	private final PlanRepository planRows;

	private final SupportRepository supportRows;

	private final IdentityRecords identities;

	private final GuardianRecords guardians;

	private final ConclusionRecords conclusions;

	private final EnrolmentRecords enrolments;

	private final PlanRecords planRecords;

	private final SupportRecords support;

	private final AuditLog audit;

	private final OutcomeRecords outcomeRows;

	Learners(LearnerAccess access, LearnerRepository learnerRows, LearnerCounts counts, CaseRepository caseRows,
			SenRecordRepository senRows, PlanRepository planRows, SupportRepository supportRows,
			IdentityRecords identities, GuardianRecords guardians, ConclusionRecords conclusions,
			EnrolmentRecords enrolments, PlanRecords planRecords, SupportRecords support, AuditLog audit,
			OutcomeRecords outcomeRows) {
		this.access = access;
		this.learnerRows = learnerRows;
		this.counts = counts;
		this.caseRows = caseRows;
		this.senRows = senRows;
		this.planRows = planRows;
		this.supportRows = supportRows;
		this.identities = identities;
		this.guardians = guardians;
		this.conclusions = conclusions;
		this.enrolments = enrolments;
		this.planRecords = planRecords;
		this.support = support;
		this.audit = audit;
		this.outcomeRows = outcomeRows;
	}

	/**
	 * The part of the country whose children the actor may see. A PMPC serves the whole
	 * region it sits in (the regional department assigns its territory, which the
	 * registry does not hold); researchers see no child at all.
	 */
	public DataScope scopeOf(Actor actor) {
		return access.scopeOf(actor);
	}

	public boolean readsLearners(Actor actor) {
		return actor.role() != Role.RESEARCHER;
	}

	/** Whether the actor states the health fields of a record it registers. */
	public boolean statesHealthOfNewRecord(Actor actor) {
		return access.statesHealthOfNewRecord(actor);
	}

	public boolean canCreate(Actor actor) {
		return Section.IDENTITY_WRITERS.contains(actor.role());
	}

	// Reading

	@Transactional
	public ResultPage<LearnerSummary> search(Actor actor, LearnerSearch search) {
		DataScope scope = access.scopeOf(actor);
		LocalDate today = access.today();
		List<LearnerSummary> items = learnerRows.search(scope, search, search.worklist(), today);
		for (LearnerSummary item : items) {
			audit.recorded(actor, AuditAction.READ, RECORD_TYPE, item.id(), item.path(),
					"list: fullName, iin, birthDate");
		}
		return new ResultPage<>(items, search.page(), search.pageSize(),
				counts.count(scope, search, search.worklist(), today));
	}

	@Transactional(readOnly = true)
	public Map<Worklist, Long> worklistCounts(Actor actor) {
		return counts.worklistCounts(access.scopeOf(actor), access.today());
	}

	/** The whole record as the actor may see it; the read is audited with its fields. */
	@Transactional
	public LearnerRecord read(Actor actor, long id) {
		Learner learner = access.find(actor, id);
		LocalDate today = access.today();
		List<Consent> consents = caseRows.consents(id);
		boolean health = access.seesHealth(actor, learner, consents, today);
		LearnerRecord.Restriction restriction = LearnerAccess.restriction(consents, today);
		List<Conclusion> conclusions = List.of();
		List<Functioning> functioning = List.of();
		List<SupportLevelEntry> levels = List.of();
		List<Plan> plans = List.of();
		List<Session> sessions = List.of();
		List<Device> devices = List.of();
		List<MonthlyDelivery> delivery = List.of();
		List<TermOutcome> outcomes = List.of();
		if (restriction == null) {
			conclusions = senRows.conclusions(id);
			functioning = senRows.functioning(id);
			levels = senRows.supportLevels(id);
			plans = planRows.plans(id);
			sessions = supportRows.sessions(id, today.withDayOfMonth(1).minusMonths(DELIVERY_MONTHS - 1));
			devices = supportRows.devices(id);
			delivery = Delivery.lastMonths(DELIVERY_MONTHS, conclusions, sessions, today);
			outcomes = outcomeRows.terms(id, learner.iin(), conclusions, today);
			if (!health) {
				conclusions = conclusions.stream().map(Conclusion::withoutHealthFields).toList();
				functioning = functioning.stream().map(Functioning::withoutHealthFields).toList();
			}
		}
		if (!health) {
			learner = LearnerAccess.withoutHealth(learner);
		}
		Set<Section> writable = EnumSet.noneOf(Section.class);
		for (Section section : Section.values()) {
			if (section.writableBy(actor.role()) && (restriction == null || !section.needsConsent())) {
				writable.add(section);
			}
		}
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(),
				"record: identity, guardians, consents, enrolments"
						+ (restriction == null ? ", conclusions, plans, sessions, devices, term results and attendance"
								: " (SEN record restricted)")
						+ (health ? ", health fields (SEN categories, functioning, disability)" : ""));
		return new LearnerRecord(learner, health, restriction, caseRows.guardians(id), consents, conclusions,
				functioning, caseRows.enrolments(id), levels, plans, sessions, devices, delivery, outcomes, writable,
				Section.IDENTITY_WRITERS.contains(actor.role()),
				restriction == null && Section.REVIEWERS.contains(actor.role()));
	}

	/** The identity alone, for an edit form; the read is audited. */
	@Transactional
	public Learner readIdentity(Actor actor, long id) {
		Learner learner = access.find(actor, id);
		LearnerAccess.requireIdentityWriter(actor);
		boolean health = access.seesHealth(actor, learner);
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(),
				"identity (edit form)" + (health ? ", health fields (disability)" : ""));
		return health ? learner : LearnerAccess.withoutHealth(learner);
	}

	/** The identity shown above a form about the learner; the read is audited. */
	@Transactional
	public Learner readIdentityForForm(Actor actor, long id) {
		Learner learner = access.find(actor, id);
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(), "form header: fullName");
		return learner;
	}

	/**
	 * Whether the learner is still in the actor's scope, after a change that may have
	 * moved the record (a transfer); nothing about the child is read.
	 */
	public boolean isVisible(Actor actor, long id) {
		return access.isVisible(actor, id);
	}

	/** The guardians to choose from when recording a consent. */
	public List<Guardian> guardiansForForm(Actor actor, long id) {
		access.find(actor, id);
		return caseRows.guardians(id);
	}

	// Writes, each in the service of its section
	/**
	 * Registers a learner, or asks the place holding the IIN for the record: see
	 * {@link Transfers}.
	 */
	@Transactional
	public Registration create(Actor actor, LearnerDraft draft) {
		return identities.create(actor, draft);
	}

	/**
	 * Corrects the identity; a refused IIN is audited, so the refusal does not roll back.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public Learner update(Actor actor, long id, LearnerDraft draft) {
		return identities.update(actor, id, draft);
	}

	@Transactional
	public long addGuardian(Actor actor, long learnerId, GuardianDraft draft) {
		return guardians.addGuardian(actor, learnerId, draft);
	}

	/** Changes a guardian's details; the version read must still be current. */
	@Transactional
	public void updateGuardian(Actor actor, long learnerId, long guardianId, GuardianDraft draft) {
		guardians.updateGuardian(actor, learnerId, guardianId, draft);
	}

	@Transactional
	public long addConsent(Actor actor, long learnerId, ConsentDraft draft) {
		return guardians.addConsent(actor, learnerId, draft);
	}

	@Transactional
	public void withdrawConsent(Actor actor, long learnerId, long consentId, ConsentWithdrawal withdrawal) {
		guardians.withdrawConsent(actor, learnerId, consentId, withdrawal);
	}

	@Transactional
	public long addConclusion(Actor actor, long learnerId, ConclusionDraft draft) {
		return conclusions.addConclusion(actor, learnerId, draft);
	}

	@Transactional
	public FunctioningResult addFunctioning(Actor actor, long learnerId, FunctioningDraft draft) {
		return conclusions.addFunctioning(actor, learnerId, draft);
	}

	/**
	 * Enrols the child in an organisation. An open enrolment ends the day the new one
	 * starts, and the record moves to the new organisation's scope: a school the child
	 * left no longer sees what is recorded after, while the units above both still do.
	 */
	@Transactional
	public long enrol(Actor actor, long learnerId, EnrolmentDraft draft) {
		return enrolments.enrol(actor, learnerId, draft);
	}

	@Transactional
	public void endEnrolment(Actor actor, long learnerId, long enrolmentId, EnrolmentEnd end) {
		enrolments.endEnrolment(actor, learnerId, enrolmentId, end);
	}

	@Transactional
	public long setSupportLevel(Actor actor, long learnerId, SupportLevelDraft draft) {
		return planRecords.setSupportLevel(actor, learnerId, draft);
	}

	@Transactional
	public long createPlan(Actor actor, long learnerId, PlanDraft draft) {
		return planRecords.createPlan(actor, learnerId, draft);
	}

	@Transactional
	public void updatePlan(Actor actor, long learnerId, long planId, PlanDraft draft) {
		planRecords.updatePlan(actor, learnerId, planId, draft);
	}

	@Transactional
	public long addGoal(Actor actor, long learnerId, long planId, GoalDraft draft) {
		return planRecords.addGoal(actor, learnerId, planId, draft);
	}

	@Transactional
	public void planService(Actor actor, long learnerId, long planId, PlannedServiceDraft draft) {
		planRecords.planService(actor, learnerId, planId, draft);
	}

	@Transactional
	public long addReview(Actor actor, long learnerId, long planId, ReviewDraft draft) {
		return planRecords.addReview(actor, learnerId, planId, draft);
	}

	@Transactional
	public long logSession(Actor actor, long learnerId, SessionDraft draft) {
		return support.logSession(actor, learnerId, draft);
	}

	@Transactional
	public long addDevice(Actor actor, long learnerId, DeviceDraft draft) {
		return support.addDevice(actor, learnerId, draft);
	}

	/**
	 * Records a device's return or a change of its condition; the version read must still
	 * be current.
	 */
	@Transactional
	public void updateDevice(Actor actor, long learnerId, long deviceId, DeviceDraft draft) {
		support.updateDevice(actor, learnerId, deviceId, draft);
	}

}
