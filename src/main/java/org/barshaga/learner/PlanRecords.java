package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.barshaga.audit.AuditLog;
import org.barshaga.identity.UserAccount;
import org.barshaga.identity.Users;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Decimals;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.fields;
import static org.barshaga.learner.RecordChecks.one;
import static org.barshaga.learner.RecordChecks.optionalText;
import static org.barshaga.learner.RecordChecks.require;
import static org.barshaga.learner.RecordChecks.requireText;
import static org.barshaga.learner.RecordChecks.strip;

/**
 * Support levels and individual development plans with their goals, services and reviews.
 */
@Service
@Transactional(readOnly = true)
class PlanRecords {

	private static final int MAX_TEXT = 1000;

	private final LearnerAccess access;

	private final SenRecordRepository senRows;

	private final PlanRepository planRows;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	PlanRecords(LearnerAccess access, SenRecordRepository senRows, PlanRepository planRows, Users users, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.senRows = senRows;
		this.planRows = planRows;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long setSupportLevel(Actor actor, long learnerId, SupportLevelDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.SUPPORT_LEVELS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.level() == null || draft.level() < 1 || draft.level() > 3) {
			problems.add("level", "validation.supportLevel");
		}
		access.pastDate(draft.setOn(), "setOn", problems);
		requireText(draft.rationale(), "rationale", 2000, problems);
		problems.throwIfAny();
		long id = senRows.insertSupportLevel(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("supportLevel", "level", draft.level(), "setOn", draft.setOn(), "rationale", draft.rationale()));
		return id;
	}

	@Transactional
	public long createPlan(Actor actor, long learnerId, PlanDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.PLANS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		validatePlan(draft, problems);
		if (draft.schoolYear() != null && planRows.planExists(learnerId, draft.schoolYear())) {
			problems.add("schoolYear", "validation.plan.exists", new SchoolYear(draft.schoolYear()).label());
		}
		problems.throwIfAny();
		long id = planRows.insertPlan(learnerId, clean(draft), actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(), fields("plan", "schoolYear",
				draft.schoolYear(), "startedOn", draft.startedOn(), "adaptations", draft.adaptations()));
		return id;
	}

	@Transactional
	public void updatePlan(Actor actor, long learnerId, long planId, PlanDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.PLANS);
		Plan current = plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		PlanDraft changed = new PlanDraft(current.schoolYear(), draft.startedOn(), draft.adaptations(),
				draft.version());
		validatePlan(changed, problems);
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		problems.throwIfAny();
		if (!planRows.updatePlan(learnerId, planId, clean(changed), actor.username(), Instant.now(clock))) {
			throw new EditConflictException("plan", planId);
		}
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("plan." + planId, "startedOn", current.startedOn(), "adaptations", current.adaptations()),
				fields("plan." + planId, "startedOn", changed.startedOn(), "adaptations", changed.adaptations()));
	}

	private void validatePlan(PlanDraft draft, InvalidInputException.Collector problems) {
		int thisYear = SchoolYear.of(access.today()).startYear();
		if (draft.schoolYear() == null) {
			problems.add("schoolYear", "validation.required");
		}
		else if (draft.schoolYear() < thisYear - 10 || draft.schoolYear() > thisYear + 1) {
			problems.add("schoolYear", "validation.plan.schoolYear");
		}
		if (draft.startedOn() == null) {
			problems.add("startedOn", "validation.required");
		}
		else if (draft.schoolYear() != null) {
			SchoolYear year = new SchoolYear(draft.schoolYear());
			if (draft.startedOn().isBefore(year.start().minusMonths(1)) || draft.startedOn().isAfter(year.end())) {
				problems.add("startedOn", "validation.plan.startOutsideYear", year.label());
			}
		}
		optionalText(draft.adaptations(), "adaptations", 4000, problems);
	}

	private static PlanDraft clean(PlanDraft draft) {
		return new PlanDraft(draft.schoolYear(), draft.startedOn(),
				draft.adaptations() == null ? "" : draft.adaptations().strip(), draft.version());
	}

	@Transactional
	public long addGoal(Actor actor, long learnerId, long planId, GoalDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.PLANS);
		plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.domain(), "domain", problems);
		requireText(draft.description(), "description", MAX_TEXT, problems);
		requireText(draft.baseline(), "baseline", MAX_TEXT, problems);
		requireText(draft.target(), "target", MAX_TEXT, problems);
		requireText(draft.measure(), "measure", 400, problems);
		problems.throwIfAny();
		GoalDraft clean = new GoalDraft(draft.domain(), strip(draft.description()), strip(draft.baseline()),
				strip(draft.target()), strip(draft.measure()));
		long id = planRows.insertGoal(planId, clean);
		planRows.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("plan." + planId + ".goal", "domain", clean.domain(), "description", clean.description(),
						"baseline", clean.baseline(), "target", clean.target(), "measure", clean.measure()));
		return id;
	}

	@Transactional
	public void planService(Actor actor, long learnerId, long planId, PlannedServiceDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.PLANS);
		plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.specialist(), "specialist", problems);
		if (draft.weeklyHours() == null) {
			problems.add("weeklyHours", "validation.required");
		}
		else if (!Decimals.sized(draft.weeklyHours())) {
			problems.add("weeklyHours", "validation.decimal", draft.weeklyHours());
		}
		else if (draft.weeklyHours().signum() <= 0) {
			problems.add("weeklyHours", "validation.hours.negative");
		}
		else if (draft.weeklyHours().compareTo(ConclusionRecords.MAX_WEEKLY_HOURS) > 0) {
			problems.add("weeklyHours", "validation.hours.tooMany", ConclusionRecords.MAX_WEEKLY_HOURS);
		}
		Long assigned = null;
		if (draft.assignedUsername() != null && !draft.assignedUsername().isBlank()) {
			Optional<UserAccount> colleague = users
				.findColleague(draft.assignedUsername().strip(), new DataScope(learner.path()))
				.filter(u -> u.role() == Role.SPECIALIST || u.role() == Role.SCHOOL_COORDINATOR);
			if (colleague.isEmpty()) {
				problems.add("assignedUsername", "validation.plan.specialist", draft.assignedUsername());
			}
			else {
				assigned = colleague.get().id();
			}
		}
		problems.throwIfAny();
		planRows.putPlannedService(planId, draft.specialist(), draft.weeklyHours(), assigned);
		planRows.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("plan." + planId + ".service", "specialist", draft.specialist(), "weeklyHours",
						draft.weeklyHours(), "assigned", draft.assignedUsername()));
	}

	@Transactional
	public long addReview(Actor actor, long learnerId, long planId, ReviewDraft draft) {
		Learner learner = access.find(actor, learnerId);
		if (!Section.REVIEWERS.contains(actor.role())) {
			throw new NotPermittedException("review plans");
		}
		access.requireProcessingAllowed(learnerId);
		Plan plan = plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.term() == null || draft.term() < 1 || draft.term() > 4) {
			problems.add("term", "validation.review.term");
		}
		else if (plan.reviews().stream().anyMatch(r -> r.term() == draft.term())) {
			problems.add("term", "validation.review.exists", draft.term());
		}
		access.pastDate(draft.reviewedOn(), "reviewedOn", problems);
		if (draft.reviewedOn() != null && draft.reviewedOn().isBefore(plan.startedOn())) {
			problems.add("reviewedOn", "validation.review.beforePlan");
		}
		if (plan.goals().isEmpty()) {
			problems.add("term", "validation.review.noGoals");
		}
		Map<Long, Plan.Rating> ratings = draft.ratings() == null ? Map.of() : draft.ratings();
		for (Plan.Goal goal : plan.goals()) {
			Plan.Rating rating = ratings.get(goal.id());
			if (rating == null) {
				problems.add("score." + goal.id(), "validation.required");
			}
			else if (rating.score() < -2 || rating.score() > 2) {
				problems.add("score." + goal.id(), "validation.review.score");
			}
		}
		for (Long goalId : ratings.keySet()) {
			if (plan.goals().stream().noneMatch(g -> g.id() == goalId)) {
				problems.add("score." + goalId, "validation.review.unknownGoal", goalId);
			}
		}
		problems.throwIfAny();
		long id = planRows.insertReview(planId, draft, actor.username(), Instant.now(clock));
		planRows.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(), fields("plan." + planId + ".review",
				"term", draft.term(), "reviewedOn", draft.reviewedOn(), "ratings", ratings));
		return id;
	}

	private Plan plan(long learnerId, long planId) {
		return one(planRows.plans(learnerId), Plan::id, planId, "plan");
	}

}
