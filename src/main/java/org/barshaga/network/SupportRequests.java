package org.barshaga.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.learner.SharedLearners;
import org.barshaga.registry.Organisation;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for help and their consultations. Every read finds the request in the reader's
 * scope in SQL; every transition checks who makes it and from which state, and writes
 * only if the request is still at the version the user saw, so of two concurrent
 * transitions exactly one wins and the other gets a conflict. Creation and every
 * transition are audited under {@value #RECORD_TYPE} with the fields they change.
 */
@Service
@Transactional(readOnly = true)
public class SupportRequests {

	static final String RECORD_TYPE = "support_request";

	static final int TEXT_LIMIT = 2000;

	static final int NOTE_LIMIT = 1000;

	/** How far ahead a follow-up shows in the centre's worklist before it is due. */
	static final int FOLLOW_UP_NOTICE_DAYS = 7;

	private final RequestRepository rows;

	private final Parties parties;

	private final SharedLearners learners;

	private final AuditLog audit;

	private final Clock clock;

	SupportRequests(RequestRepository rows, Parties parties, SharedLearners learners, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.parties = parties;
		this.learners = learners;
		this.audit = audit;
		this.clock = clock;
	}

	/** The place the actor asks for, when the actor may ask for help at all. */
	public Optional<Organisation> requesterOf(Actor actor) {
		return parties.requesterOf(actor);
	}

	/** The organisations the actor may ask: those of the region of the actor's place. */
	public List<Organisation> centresFor(Actor actor) {
		return parties.requesterOf(actor).map(parties::centresFor).orElse(List.of());
	}

	// Reading

	/**
	 * The request as the actor may see it; outside the actor's scope it does not exist.
	 */
	@Transactional
	public RequestView read(Actor actor, long id) {
		SupportRequest request = find(actor, id);
		RequestView.Child child = RequestView.Child.NONE;
		String name = null;
		if (request.learnerId() != null) {
			if (!Parties.isParty(actor, request)) {
				child = RequestView.Child.NOT_A_PARTY;
			}
			else {
				Optional<SharedLearners.SharedLearner> shown = learners.readShared(actor, request.learnerId(),
						"support request " + id);
				child = shown.isPresent() ? RequestView.Child.SHOWN : RequestView.Child.CONSENT_WITHDRAWN;
				name = shown.map(SharedLearners.SharedLearner::fullName).orElse(null);
			}
		}
		Set<Transition> possible = EnumSet.noneOf(Transition.class);
		for (Transition transition : Transition.values()) {
			if (Parties.actsFor(actor, request, transition.side()) && startsFrom(transition, request)) {
				possible.add(transition);
			}
		}
		return new RequestView(request, child, name, possible);
	}

	/** The worklists of the actor's place, each limited to its scope in SQL. */
	public Worklists worklists(Actor actor) {
		requireReader(actor);
		LocalDate today = LocalDate.now(clock);
		return new Worklists(rows.waiting(actor.scope()),
				rows.followUpsDue(actor.scope(), today.plusDays(FOLLOW_UP_NOTICE_DAYS)), rows.toConfirm(actor.scope()),
				rows.sent(actor.scope()), rows.recent(actor.scope()), today);
	}

	/** Whether the actor reads the support network at all (researchers do not). */
	public boolean reads(Actor actor) {
		return !actor.is(Role.RESEARCHER);
	}

	/** How many requests wait in each of the actor's worklists. */
	public WorklistCounts counts(Actor actor) {
		requireReader(actor);
		return rows.counts(actor.scope(), LocalDate.now(clock).plusDays(FOLLOW_UP_NOTICE_DAYS));
	}

	// Asking

	@Transactional
	public long submit(Actor actor, RequestDraft draft) {
		return submit(actor, draft, Instant.now(clock));
	}

	/** Submits as of the instant given: the demo's history is written through here. */
	@Transactional
	long submit(Actor actor, RequestDraft draft, Instant at) {
		Organisation requester = parties.requesterOf(actor)
			.orElseThrow(() -> new NotPermittedException("ask for support"));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Optional<Organisation> centre = parties.centre(draft.centreCode());
		if (draft.centreCode() == null || draft.centreCode().isBlank()) {
			problems.add("centre", "validation.required");
		}
		else if (centre.isEmpty() || !Parties.mayBeAsked(centre.get(), requester)) {
			problems.add("centre", "validation.support.centre");
		}
		if (draft.topic() == null) {
			problems.add("topic", "validation.required");
		}
		if (draft.categories().isEmpty()) {
			problems.add("categories", "validation.support.categories");
		}
		if (draft.urgency() == null) {
			problems.add("urgency", "validation.required");
		}
		text(draft.description(), "description", TEXT_LIMIT, true, problems);
		Long learnerId = null;
		if (draft.learnerIin() != null && !draft.learnerIin().isBlank()) {
			try {
				learnerId = learners.toShare(actor, draft.learnerIin(), "learnerIin", "support request").id();
			}
			catch (InvalidInputException refused) {
				refused.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
			}
		}
		problems.throwIfAny();
		LocalDate on = LocalDate.ofInstant(at, clock.getZone());
		long id = rows.insert(new RequestRepository.NewRequest(requester.id(), requester.path(), centre.get().id(),
				centre.get().path(), draft.topic(), draft.categories(), learnerId, draft.urgency(),
				draft.description().strip(), on, at, actor.username()));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", RequestStatus.SUBMITTED);
		fields.put("centre", centre.get().code());
		fields.put("topic", draft.topic());
		fields.put("categories", draft.categories().stream().map(Enum::name).sorted().toList());
		fields.put("learner", learnerId);
		fields.put("urgency", draft.urgency());
		fields.put("description", draft.description().strip());
		audit.created(actor, RECORD_TYPE, id, requester.path(), fields);
		return id;
	}

	// The centre's steps

	@Transactional
	public void accept(Actor actor, long id, int version) {
		accept(actor, id, version, LocalDate.now(clock));
	}

	@Transactional
	void accept(Actor actor, long id, int version, LocalDate today) {
		move(actor, id, version, Transition.ACCEPT, RequestStatus.ACCEPTED,
				columns("accepted_on", today, "accepted_by", actor.username()));
	}

	@Transactional
	public void schedule(Actor actor, long id, int version, ConsultationMode mode, LocalDate on) {
		schedule(actor, id, version, mode, on, LocalDate.now(clock));
	}

	void schedule(Actor actor, long id, int version, ConsultationMode mode, LocalDate on, LocalDate today) {
		SupportRequest request = find(actor, id);
		requireSide(actor, request, Transition.SCHEDULE);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (mode == null) {
			problems.add("consultationMode", "validation.required");
		}
		if (on == null) {
			problems.add("consultationOn", "validation.required");
		}
		else if (on.isBefore(request.submittedOn()) || on.isAfter(today.plusYears(1))) {
			problems.add("consultationOn", "validation.support.consultationDate", request.submittedOn().toString());
		}
		problems.throwIfAny();
		move(actor, id, version, Transition.SCHEDULE, RequestStatus.SCHEDULED,
				columns("consultation_mode", mode.name(), "consultation_on", on, "scheduled_by", actor.username()));
	}

	@Transactional
	public void close(Actor actor, long id, int version, String outcome, String followUp, LocalDate followUpOn) {
		close(actor, id, version, outcome, followUp, followUpOn, LocalDate.now(clock));
	}

	void close(Actor actor, long id, int version, String outcome, String followUp, LocalDate followUpOn,
			LocalDate today) {
		SupportRequest request = find(actor, id);
		requireSide(actor, request, Transition.CLOSE);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (request.consultationOn() != null && request.consultationOn().isAfter(today)) {
			problems.add("outcome", "validation.support.notHeldYet", request.consultationOn().toString());
		}
		text(outcome, "outcome", TEXT_LIMIT, true, problems);
		text(followUp, "followUp", NOTE_LIMIT, false, problems);
		boolean hasFollowUp = followUp != null && !followUp.isBlank();
		if (hasFollowUp && followUpOn == null) {
			problems.add("followUpOn", "validation.support.followUpDate");
		}
		else if (!hasFollowUp && followUpOn != null) {
			problems.add("followUp", "validation.support.followUpText");
		}
		else if (followUpOn != null && followUpOn.isBefore(today)) {
			problems.add("followUpOn", "validation.support.followUpPast");
		}
		problems.throwIfAny();
		move(actor, id, version, Transition.CLOSE, RequestStatus.CLOSED,
				columns("outcome", outcome.strip(), "follow_up", hasFollowUp ? followUp.strip() : null, "follow_up_on",
						followUpOn, "closed_on", today, "closed_by", actor.username()));
	}

	@Transactional
	public void followUpDone(Actor actor, long id, int version) {
		SupportRequest before = find(actor, id);
		requireSide(actor, before, Transition.FOLLOW_UP_DONE);
		if (before.version() != version) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		if (!startsFrom(Transition.FOLLOW_UP_DONE, before)) {
			throw InvalidInputException.of("status", "validation.support.noFollowUp");
		}
		if (!rows.followUpDone(id, version, LocalDate.now(clock), actor.username(), actor.scope())) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		auditChange(actor, before);
	}

	// The requester's step

	@Transactional
	public void confirm(Actor actor, long id, int version, Boolean helped, String note) {
		confirm(actor, id, version, helped, note, LocalDate.now(clock));
	}

	void confirm(Actor actor, long id, int version, Boolean helped, String note, LocalDate today) {
		requireSide(actor, find(actor, id), Transition.CONFIRM);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (helped == null) {
			problems.add("helped", "validation.required");
		}
		text(note, "confirmationNote", NOTE_LIMIT, false, problems);
		problems.throwIfAny();
		move(actor, id, version, Transition.CONFIRM, RequestStatus.CONFIRMED,
				columns("helped", helped, "confirmation_note", note == null || note.isBlank() ? null : note.strip(),
						"confirmed_on", today, "confirmed_by", actor.username()));
	}

	// The rules every transition shares

	/**
	 * One step: the actor must act for the step's side, the request must be at the
	 * version the actor saw and in the step's starting state, and the row must still be
	 * so when it is written.
	 */
	private void move(Actor actor, long id, int version, Transition transition, RequestStatus to,
			Map<String, Object> columns) {
		SupportRequest before = find(actor, id);
		requireSide(actor, before, transition);
		if (before.version() != version) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		if (before.status() != transition.from()) {
			throw InvalidInputException.of("status", "validation.support.state",
					new DefaultMessageSourceResolvable(before.status().messageKey()));
		}
		if (!rows.transition(id, version, transition.from(), to, columns, transition.side().column(), actor.scope())) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		auditChange(actor, before);
	}

	private void auditChange(Actor actor, SupportRequest before) {
		SupportRequest after = rows.findInScope(before.id(), actor.scope()).orElseThrow();
		audit.updated(actor, RECORD_TYPE, before.id(), before.requester().path(), before.auditedState(),
				after.auditedState());
	}

	private static void requireSide(Actor actor, SupportRequest request, Transition transition) {
		if (!Parties.actsFor(actor, request, transition.side())) {
			throw new NotPermittedException(transition.name().toLowerCase() + " support requests");
		}
	}

	private static boolean startsFrom(Transition transition, SupportRequest request) {
		if (transition == Transition.FOLLOW_UP_DONE) {
			return (request.status() == RequestStatus.CLOSED || request.status() == RequestStatus.CONFIRMED)
					&& request.followUpOn() != null && request.followUpDoneOn() == null;
		}
		return request.status() == transition.from();
	}

	private SupportRequest find(Actor actor, long id) {
		requireReader(actor);
		return rows.findInScope(id, actor.scope()).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	private static void requireReader(Actor actor) {
		if (actor.is(Role.RESEARCHER)) {
			throw new NotPermittedException("read support requests");
		}
	}

	private static void text(String value, String field, int limit, boolean required,
			InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(field, "validation.required");
			}
		}
		else if (value.strip().length() > limit) {
			problems.add(field, "validation.tooLong", limit);
		}
	}

	private static Map<String, Object> columns(Object... pairs) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put((String) pairs[i], pairs[i + 1]);
		}
		return columns;
	}

}
