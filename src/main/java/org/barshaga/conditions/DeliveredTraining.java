package org.barshaga.conditions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training delivered to schools from outside, such as a resource centre's seminar: the
 * deliverer picks the participants among the staff of the schools of its area and one
 * training record is written for each, the same record a school writes for a course its
 * teacher took, so {@code TRAINED_TEACHERS} counts it and nobody types it twice. The area
 * is the deliverer's business (the support network gives a centre's region); every staff
 * member is found inside it in SQL.
 */
@Service
@Transactional(readOnly = true)
public class DeliveredTraining {

	/** A person in post at a school, as a deliverer lists them to choose participants. */
	public record StaffInPost(long staffId, String fullName, PositionType position) {
	}

	private final ConditionsRepository repository;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	DeliveredTraining(ConditionsRepository repository, Organisations organisations, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The staff in post today at a school inside the area; each person listed is an
	 * audited read.
	 */
	@Transactional
	public List<StaffInPost> staffInPost(Actor actor, DataScope area, String schoolCode) {
		Organisation school = organisations.findByCode(schoolCode == null ? "" : schoolCode.strip())
			.filter(o -> o.type().teachesChildren() && area.contains(o.path()))
			.orElseThrow(() -> new NotFoundException("school", schoolCode));
		LocalDate today = LocalDate.now(clock);
		List<StaffInPost> staff = repository.staff(school.id())
			.stream()
			.filter(member -> member.activeOn(today))
			.map(member -> new StaffInPost(member.id(), member.fullName(), member.position()))
			.toList();
		for (StaffInPost member : staff) {
			audit.recorded(actor, AuditAction.READ, SchoolConditions.STAFF, member.staffId(), school.path(),
					"list for delivered training: fullName, position");
		}
		return staff;
	}

	/**
	 * One training record for each staff member, all inside the area, or none: a
	 * participant outside it is refused against the field named, and nothing is written.
	 * @return the training record of each staff member, by staff id, and the path of the
	 * school where the member works
	 */
	@Transactional
	public Map<Long, Recorded> record(Actor actor, DataScope area, Collection<Long> staffIds, TrainingDraft draft,
			String field) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		TrainingRules.check(draft, LocalDate.now(clock), problems);
		Map<Long, String> places = new LinkedHashMap<>();
		for (long staffId : new LinkedHashSet<>(staffIds)) {
			repository.staffPlace(staffId, area)
				.ifPresentOrElse(place -> places.put(staffId, place.getValue()),
						() -> problems.add(field, "validation.training.outsideArea", staffId));
		}
		problems.throwIfAny();
		Map<Long, Recorded> written = new LinkedHashMap<>();
		Instant now = Instant.now(clock);
		for (Map.Entry<Long, String> place : places.entrySet()) {
			long id = repository.insertTraining(place.getKey(), draft, actor.username(), now);
			audit.created(actor, SchoolConditions.STAFF, place.getKey(), place.getValue(),
					TrainingRules.audited(draft));
			written.put(place.getKey(), new Recorded(id, place.getValue()));
		}
		return written;
	}

	/** A training record written for a participant, and the path of their school. */
	public record Recorded(long trainingId, String schoolPath) {
	}

}
