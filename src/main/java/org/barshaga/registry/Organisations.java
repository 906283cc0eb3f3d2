package org.barshaga.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.Codes;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.ResultPage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of organisations. Reading is open to every signed-in user (names, types,
 * places and languages are public); creating and changing are limited to the writer's
 * scope, checked in the SQL of the write itself.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	static final String RECORD_TYPE = "organisation";

	private static final int MAX_NAME = 300;

	private final OrganisationRepository repository;

	private final AdminUnits units;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Organisations(OrganisationRepository repository, AdminUnits units, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.units = units;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public Organisation get(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	public Optional<Organisation> findByCode(String code) {
		return repository.findByCode(code);
	}

	/**
	 * The organisation whose subtree a scope is, found by its whole path; none when the
	 * scope is a unit's. A scope is never read by the last segment of its path.
	 */
	public Optional<Organisation> ofScope(DataScope scope) {
		return repository.findByPath(scope.pathPrefix());
	}

	/**
	 * An organisation the actor may change; anything outside the actor's scope is "not
	 * found".
	 */
	public Organisation getForEditing(Actor actor, long id) {
		requireMaintainer(actor);
		return repository.findInScope(id, actor.scope()).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	public boolean canEdit(Actor actor, Organisation organisation) {
		return actor.role().maintainsRegistry() && actor.scope().contains(organisation.path());
	}

	public boolean canCreate(Actor actor) {
		// Only a user bound to a unit has units to create organisations in; a school user
		// is bound to an organisation.
		return actor.role().maintainsRegistry() && units.ofScope(actor.scope()).isPresent();
	}

	public ResultPage<Organisation> search(OrganisationSearch search) {
		DataScope within = search.orgUnitCode() == null ? DataScope.NATION : units.get(search.orgUnitCode()).scope();
		return new ResultPage<>(repository.search(within, search), search.page(), search.pageSize(),
				repository.count(within, search));
	}

	/** The open general and special schools inside a scope, by path. */
	public List<Organisation> schoolsWithin(DataScope within) {
		return repository.schoolsWithin(within);
	}

	public Map<OrganisationType, Long> openCountsByType(DataScope within) {
		return repository.countByType(within);
	}

	@Transactional
	public Organisation create(Actor actor, OrganisationDraft draft) {
		requireMaintainer(actor);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String code = Codes.place(draft.code()).orElse(null);
		if (draft.code() == null || draft.code().isBlank()) {
			problems.add("code", "validation.required");
		}
		else if (code == null) {
			problems.add("code", "validation.organisation.code");
		}
		else if (repository.findByCode(code).isPresent()) {
			problems.add("code", "validation.organisation.code.taken", code);
		}
		Organisation organisation = validated(actor, draft, code, 0L, problems);
		Instant now = Instant.now(clock);
		long id = repository.insert(organisation, actor.username(), now);
		Organisation created = get(id);
		audit.created(actor, RECORD_TYPE, id, created.path(), created.auditedFields());
		return created;
	}

	@Transactional
	public Organisation update(Actor actor, long id, OrganisationDraft draft) {
		Organisation current = getForEditing(actor, id);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		Organisation changed = validated(actor, draft, current.code(), id, problems);
		if (!repository.update(changed, draft.version(), actor.scope(), actor.username(), Instant.now(clock))) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		audit.updated(actor, RECORD_TYPE, id, changed.path(), current.auditedFields(), changed.auditedFields());
		if (!current.path().equals(changed.path())) {
			events.publishEvent(new ScopeMoved(current.path(), changed.path(), null, null));
		}
		return get(id);
	}

	private Organisation validated(Actor actor, OrganisationDraft draft, String code, long id,
			InvalidInputException.Collector problems) {
		requireName(draft.nameKk(), "nameKk", problems);
		requireName(draft.nameRu(), "nameRu", problems);
		requireName(draft.nameEn(), "nameEn", problems);
		if (draft.type() == null) {
			problems.add("type", "validation.required");
		}
		if (draft.settlement() == null) {
			problems.add("settlement", "validation.required");
		}
		if (draft.ownership() == null) {
			problems.add("ownership", "validation.required");
		}
		if (draft.languages() == null || draft.languages().isEmpty()) {
			problems.add("languages", "validation.organisation.languages");
		}
		OrganisationStatus status = draft.status() == null ? OrganisationStatus.OPEN : draft.status();
		LocalDate closedOn = status == OrganisationStatus.CLOSED ? draft.closedOn() : null;
		if (status == OrganisationStatus.CLOSED && closedOn == null) {
			problems.add("closedOn", "validation.organisation.closedOn");
		}
		if (closedOn != null && closedOn.isAfter(LocalDate.now(clock))) {
			problems.add("closedOn", "validation.date.future");
		}
		OrgUnit unit = null;
		if (draft.orgUnitCode() == null || draft.orgUnitCode().isBlank()) {
			problems.add("orgUnitCode", "validation.required");
		}
		else {
			unit = units.find(draft.orgUnitCode().strip()).orElse(null);
			if (unit == null) {
				problems.add("orgUnitCode", "validation.unit.unknown", draft.orgUnitCode());
			}
			else if (unit.isClosed()) {
				problems.add("orgUnitCode", "validation.unit.closed", unit.code());
			}
			else if (code != null && !actor.scope().contains(unit.path() + code + "/")) {
				problems.add("orgUnitCode", "validation.unit.outsideScope", unit.code());
			}
		}
		problems.throwIfAny();
		return new Organisation(id, code, draft.type(),
				new LocalizedName(draft.nameKk(), draft.nameRu(), draft.nameEn()), unit.code(),
				unit.path() + code + "/", draft.settlement(), draft.ownership(), Set.copyOf(draft.languages()), status,
				closedOn, null, null, draft.version() == null ? 0 : draft.version());
	}

	private static void requireName(String name, String field, InvalidInputException.Collector problems) {
		if (name == null || name.isBlank()) {
			problems.add(field, "validation.required");
		}
		else if (name.strip().length() > MAX_NAME) {
			problems.add(field, "validation.tooLong", MAX_NAME);
		}
	}

	private static void requireMaintainer(Actor actor) {
		if (!actor.role().maintainsRegistry()) {
			throw new NotPermittedException("maintain the registry");
		}
	}

}
