package org.barshaga.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.barshaga.audit.AuditLog;
import org.barshaga.conditions.DeliveredTraining;
import org.barshaga.conditions.TrainingDraft;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seminars and courses that a centre delivers to the schools of its region. The centre
 * records one once it has been held, then adds its participants from the staff of the
 * region's schools; each participant gets the training record of the conditions module
 * ({@link DeliveredTraining}) in the same transaction, which {@code TRAINED_TEACHERS}
 * counts, so the school does not type the course again.
 */
@Service
@Transactional(readOnly = true)
class Seminars {

	static final String RECORD_TYPE = "seminar";

	static final int TITLE_LIMIT = 300;

	private final SeminarRepository rows;

	private final DeliveredTraining training;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	Seminars(SeminarRepository rows, DeliveredTraining training, Organisations organisations, AuditLog audit,
			Clock clock) {
		this.rows = rows;
		this.training = training;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The centre the actor works for, when the actor records its seminars. */
	Optional<Organisation> centreOf(Actor actor) {
		if (!Parties.CENTRE_ROLES.contains(actor.role())) {
			return Optional.empty();
		}
		return organisations.ofScope(actor.scope())
			.filter(place -> place.status() == OrganisationStatus.OPEN)
			.filter(place -> Parties.CENTRE_TYPES.contains(place.type()));
	}

	List<Seminar> list(Actor actor) {
		requireReader(actor);
		return rows.list(actor.scope());
	}

	Seminar read(Actor actor, long id) {
		requireReader(actor);
		return rows.find(id, actor.scope()).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	/** Whether the actor records the participants of this seminar: its centre's staff. */
	boolean runs(Actor actor, Seminar seminar) {
		return centreOf(actor).filter(centre -> centre.id() == seminar.centreId()).isPresent();
	}

	@Transactional
	long create(Actor actor, SeminarDraft draft) {
		Organisation centre = centreOf(actor).orElseThrow(() -> new NotPermittedException("record seminars"));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.kind() == null) {
			problems.add("seminarKind", "validation.required");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			problems.add("seminarTitle", "validation.required");
		}
		else if (draft.title().strip().length() > TITLE_LIMIT) {
			problems.add("seminarTitle", "validation.tooLong", TITLE_LIMIT);
		}
		if (draft.heldOn() == null) {
			problems.add("heldOn", "validation.required");
		}
		else if (draft.heldOn().isAfter(LocalDate.now(clock))) {
			problems.add("heldOn", "validation.seminar.notHeldYet");
		}
		if (draft.hours() == null) {
			problems.add("seminarHours", "validation.required");
		}
		else if (draft.hours() < 1 || draft.hours() > 2000) {
			problems.add("seminarHours", "validation.training.hours");
		}
		if (draft.inclusive() == null) {
			problems.add("inclusive", "validation.required");
		}
		problems.throwIfAny();
		long id = rows.insert(centre.id(), centre.path(), draft, actor.username(), Instant.now(clock));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", draft.kind());
		fields.put("title", draft.title().strip());
		fields.put("heldOn", draft.heldOn());
		fields.put("hours", draft.hours());
		fields.put("inclusive", draft.inclusive());
		audit.created(actor, RECORD_TYPE, id, centre.path(), fields);
		return id;
	}

	/** The staff in post at a school of the centre's region, to choose participants. */
	@Transactional
	List<DeliveredTraining.StaffInPost> staffOf(Actor actor, long seminarId, String schoolCode) {
		Seminar seminar = runBy(actor, seminarId);
		return training.staffInPost(actor, region(seminar), schoolCode);
	}

	/**
	 * Adds participants, each with the training record of the seminar; a person already
	 * taking part, or outside the region, is refused and nothing is written.
	 */
	@Transactional
	void addParticipants(Actor actor, long seminarId, Set<Long> staffIds) {
		Seminar seminar = runBy(actor, seminarId);
		if (staffIds.isEmpty()) {
			throw InvalidInputException.of("participants", "validation.seminar.participants");
		}
		Set<Long> already = new java.util.HashSet<>();
		seminar.participants().forEach(p -> already.add(p.staffId()));
		for (long staffId : staffIds) {
			if (already.contains(staffId)) {
				throw InvalidInputException.of("participants", "validation.seminar.alreadyParticipant", staffId);
			}
		}
		Organisation centre = organisations.findByCode(seminar.centreCode()).orElseThrow();
		TrainingDraft draft = new TrainingDraft(seminar.title(), centre.name().kk() + " (" + centre.code() + ")",
				seminar.hours(), seminar.heldOn(), seminar.inclusive());
		Map<Long, DeliveredTraining.Recorded> written = training.record(actor, region(seminar), staffIds, draft,
				"participants");
		Instant now = Instant.now(clock);
		for (Map.Entry<Long, DeliveredTraining.Recorded> entry : written.entrySet()) {
			rows.addParticipant(seminarId, entry.getKey(), entry.getValue().trainingId(), entry.getValue().schoolPath(),
					actor.username(), now);
		}
		audit.updated(actor, RECORD_TYPE, seminarId, seminar.centrePath(),
				Map.of("participants", seminar.participants().stream().map(Seminar.Participant::staffId).toList()),
				Map.of("participants",
						rows.participants(seminarId).stream().map(Seminar.Participant::staffId).toList()));
	}

	private Seminar runBy(Actor actor, long seminarId) {
		Seminar seminar = read(actor, seminarId);
		if (!runs(actor, seminar)) {
			throw new NotPermittedException("record participants");
		}
		return seminar;
	}

	/** The centre's region, where its participants work. */
	private static DataScope region(Seminar seminar) {
		return new DataScope("/KZ/" + Parties.regionCode(seminar.centrePath()) + "/");
	}

	private static void requireReader(Actor actor) {
		if (actor.is(Role.RESEARCHER)) {
			throw new NotPermittedException("read seminars");
		}
	}

}
