package org.barshaga.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's part of the reporting cycle: the coordinator submits the figures of an open
 * period, explaining each high-importance rule they violate; the district approves or
 * returns the submission; an approved submission is locked until the district grants the
 * school's request to unlock it. Every step is audited and told to the people it
 * concerns.
 */
@Service
public class Submissions {

	static final String RECORD = "reportSubmission";

	static final int MAX_TEXT = 1000;

	private final SubmissionRepository repository;

	private final UnitApprovalRepository units;

	private final ReportingPeriods periods;

	private final ValidationRuns runs;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Notices notices;

	private final Clock clock;

	Submissions(SubmissionRepository repository, UnitApprovalRepository units, ReportingPeriods periods,
			ValidationRuns runs, Organisations organisations, AuditLog audit, Notices notices, Clock clock) {
		this.repository = repository;
		this.units = units;
		this.periods = periods;
		this.runs = runs;
		this.organisations = organisations;
		this.audit = audit;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * A general or special school inside the user's scope; anything else is not found.
	 */
	public Organisation school(Actor actor, String code) {
		String wanted = code == null ? "" : code.strip();
		return organisations.findByCode(wanted)
			.filter(o -> o.type() == OrganisationType.GENERAL_SCHOOL || o.type() == OrganisationType.SPECIAL_SCHOOL)
			.filter(o -> actor.scope().contains(o.path()))
			.orElseThrow(() -> new NotFoundException("school", wanted));
	}

	public Optional<Submission> find(Actor actor, String schoolCode, int year) {
		return repository.find(school(actor, schoolCode).id(), year);
	}

	/** The violations of the school's figures now, as a submission would store them. */
	public List<ValidationRun.Violation> violations(Actor actor, String schoolCode, int year) {
		ValidationRun run = runs.run(actor, school(actor, schoolCode).code(), year);
		return run.schoolsWithViolations().stream().flatMap(s -> s.violations().stream()).toList();
	}

	/**
	 * Submits the school's figures of an open period, or submits them again after a
	 * return or a reopening. Every violated high-importance rule needs a written
	 * explanation; explanations of other violations are kept when given.
	 */
	@Transactional
	public Submission submit(Actor actor, String schoolCode, int year, Map<String, String> explanations,
			Integer versionRead) {
		Organisation school = school(actor, schoolCode);
		if (!actor.is(Role.SCHOOL_COORDINATOR)) {
			throw new NotPermittedException("submit a school's figures");
		}
		requireOpen(year);
		Optional<Submission> before = repository.find(school.id(), year);
		if (before.isPresent() && !before.get().status().open()) {
			throw InvalidInputException.of("submission", "validation.reporting.alreadySubmitted",
					before.get().status().name());
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Map<String, String> kept = new LinkedHashMap<>();
		Map<String, Integer> versions = new LinkedHashMap<>();
		for (ValidationRun.Violation violation : violations(actor, school.code(), year)) {
			String text = explanations == null ? null : explanations.get(violation.rule());
			text = text == null || text.isBlank() ? null : text.strip();
			String field = "explanation." + violation.rule();
			if (text == null && violation.importance() == Importance.HIGH) {
				problems.add(field, "validation.reporting.explain", violation.rule());
			}
			else if (text != null && text.length() > MAX_TEXT) {
				problems.add(field, "validation.tooLong", MAX_TEXT);
			}
			else if (text != null) {
				kept.put(violation.rule(), text);
				versions.put(violation.rule(), violation.version());
			}
		}
		problems.throwIfAny();
		Instant now = clock.instant();
		long id;
		if (before.isEmpty()) {
			try {
				id = repository.insert(year, school.id(), school.path(), actor.username(), now);
			}
			catch (DuplicateKeyException raced) {
				throw new EditConflictException(RECORD, school.code());
			}
		}
		else {
			id = before.get().id();
			if (versionRead == null || !repository.resubmit(id, versionRead, actor.username(), now)) {
				throw new EditConflictException(RECORD, id);
			}
		}
		repository.replaceExplanations(id, versions, kept);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("schoolYear", year);
		fields.put("status", SubmissionStatus.SUBMITTED);
		kept.forEach((rule, text) -> fields.put("explanation." + rule, text));
		if (before.isEmpty()) {
			audit.created(actor, RECORD, id, school.path(), fields);
		}
		else {
			audit.updated(actor, RECORD, id, school.path(), Map.of("status", before.get().status()), fields);
		}
		Chain.approverOf(school.path())
			.ifPresent(approver -> notices.tell(approver.role(), approver.path(), "reporting.notice.SUBMITTED",
					school.code(), year, actor, null));
		return repository.find(id).orElseThrow();
	}

	/** Approves a submitted submission of a school the district officer answers for. */
	@Transactional
	public Submission approve(Actor actor, long id, Integer versionRead) {
		return decide(actor, id, versionRead, SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED, null);
	}

	/**
	 * Returns a submitted submission to the school with a comment saying what to correct.
	 */
	@Transactional
	public Submission giveBack(Actor actor, long id, Integer versionRead, String comment) {
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text == null) {
			throw InvalidInputException.of("comment", "validation.required");
		}
		if (text.length() > MAX_TEXT) {
			throw InvalidInputException.of("comment", "validation.tooLong", MAX_TEXT);
		}
		return decide(actor, id, versionRead, SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED, text);
	}

	/**
	 * The school asks the level above to unlock its approved figures, giving the reason.
	 */
	@Transactional
	public Submission requestUnlock(Actor actor, long id, Integer versionRead, String reason) {
		Submission submission = inScope(actor, id);
		if (!actor.is(Role.SCHOOL_COORDINATOR)) {
			throw new NotPermittedException("ask to unlock a school's figures");
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text == null) {
			throw InvalidInputException.of("reason", "validation.required");
		}
		if (text.length() > MAX_TEXT) {
			throw InvalidInputException.of("reason", "validation.tooLong", MAX_TEXT);
		}
		if (submission.status() != SubmissionStatus.APPROVED) {
			throw InvalidInputException.of("reason", "validation.reporting.notLocked");
		}
		if (submission.unlockRequested()) {
			throw InvalidInputException.of("reason", "validation.reporting.unlockPending");
		}
		if (versionRead == null || !repository.requestUnlock(id, versionRead, actor.username(), text)) {
			throw new EditConflictException(RECORD, id);
		}
		audit.updated(actor, RECORD, id, submission.path(), Map.of("unlockReason", ""), Map.of("unlockReason", text));
		Chain.approverOf(submission.path())
			.ifPresent(approver -> notices.tell(approver.role(), approver.path(), "reporting.notice.UNLOCK_REQUESTED",
					submission.schoolCode(), submission.year(), actor, text));
		return repository.find(id).orElseThrow();
	}

	/**
	 * The level above grants the school's request: the submission is reopened, its
	 * figures are unlocked, and the school submits them again. Refused while the district
	 * itself stands approved by its region.
	 */
	@Transactional
	public Submission grantUnlock(Actor actor, long id, Integer versionRead) {
		Submission submission = inScope(actor, id);
		if (!submission.unlockRequested()) {
			requireApprover(actor, submission);
			throw InvalidInputException.of("decision", "validation.reporting.noUnlockRequest");
		}
		return decide(actor, id, versionRead, SubmissionStatus.APPROVED, SubmissionStatus.REOPENED,
				submission.unlockReason());
	}

	private Submission decide(Actor actor, long id, Integer versionRead, SubmissionStatus from, SubmissionStatus to,
			String comment) {
		Submission submission = inScope(actor, id);
		requireApprover(actor, submission);
		// A decision taken on a page read before someone else's is a conflict, whatever
		// that other decision was.
		if (versionRead == null || versionRead != submission.version()) {
			throw new EditConflictException(RECORD, id);
		}
		if (submission.status() != from) {
			throw InvalidInputException.of("decision", "validation.reporting.status." + submission.status().name());
		}
		if (to == SubmissionStatus.REOPENED && Chain.districtOf(submission.path())
			.map(district -> units.approved(district.code(), submission.year()))
			.orElse(false)) {
			throw InvalidInputException.of("decision", "validation.reporting.districtApproved");
		}
		if (periods.find(submission.year()).map(p -> p.acceptedAt() != null).orElse(false)) {
			throw InvalidInputException.of("decision", "validation.reporting.accepted");
		}
		boolean decided;
		try {
			decided = repository.decide(id, versionRead, from, to, actor.username(), clock.instant(), comment);
		}
		catch (ConcurrencyFailureException raced) {
			// a database that refuses the second of two concurrent updates instead of
			// re-reading the row
			decided = false;
		}
		if (!decided) {
			throw new EditConflictException(RECORD, id);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to);
		after.put("comment", comment);
		audit.updated(actor, RECORD, id, submission.path(), Map.of("status", from), after);
		notices.tell(Role.SCHOOL_COORDINATOR, submission.path(), "reporting.notice." + to.name(),
				submission.schoolCode(), submission.year(), actor, comment);
		return repository.find(id).orElseThrow();
	}

	/** A submission of a school inside the user's scope; anything else is not found. */
	Submission inScope(Actor actor, long id) {
		return repository.find(id)
			.filter(s -> actor.scope().contains(s.path()))
			.orElseThrow(() -> new NotFoundException(RECORD, id));
	}

	/**
	 * Only the level that owns the school decides: its district's officers (its region's,
	 * for a school directly under a region). Another level inside the scope is told so.
	 */
	private static void requireApprover(Actor actor, Submission submission) {
		Chain.Level approver = Chain.approverOf(submission.path()).orElseThrow();
		if (!actor.is(approver.role()) || !actor.scope().pathPrefix().equals(approver.path())) {
			throw InvalidInputException.of("decision", "validation.reporting.notYourLevel", submission.schoolCode());
		}
	}

	private void requireOpen(int year) {
		ReportingPeriod period = periods.find(year)
			.orElseThrow(() -> InvalidInputException.of("year", "validation.reporting.noPeriod",
					new org.barshaga.kernel.SchoolYear(year).label()));
		if (period.status() != PeriodStatus.OPEN || period.acceptedAt() != null) {
			throw InvalidInputException.of("year", "validation.reporting.periodClosed", period.label());
		}
	}

}
