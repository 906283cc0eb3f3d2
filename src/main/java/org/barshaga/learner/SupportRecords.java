package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.fields;
import static org.barshaga.learner.RecordChecks.one;
import static org.barshaga.learner.RecordChecks.optionalText;
import static org.barshaga.learner.RecordChecks.require;

/** Support sessions and assistive devices. */
@Service
@Transactional(readOnly = true)
class SupportRecords {

	private final LearnerAccess access;

	private final SupportRepository supportRows;

	private final AuditLog audit;

	private final Clock clock;

	SupportRecords(LearnerAccess access, SupportRepository supportRows, AuditLog audit, Clock clock) {
		this.access = access;
		this.supportRows = supportRows;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long logSession(Actor actor, long learnerId, SessionDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.SESSIONS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		access.pastDate(draft.heldOn(), "heldOn", problems);
		if (draft.heldOn() != null && draft.heldOn().isBefore(access.today().minusYears(1))) {
			problems.add("heldOn", "validation.session.tooOld");
		}
		if (draft.minutes() == null) {
			problems.add("minutes", "validation.required");
		}
		else if (draft.minutes() <= 0 || draft.minutes() > 480) {
			problems.add("minutes", "validation.session.minutes");
		}
		require(draft.specialist(), "specialist", problems);
		require(draft.attended(), "attended", problems);
		if (Boolean.FALSE.equals(draft.attended()) && draft.missedReason() == null) {
			problems.add("missedReason", "validation.session.missedReason");
		}
		problems.throwIfAny();
		SessionDraft clean = new SessionDraft(draft.heldOn(), draft.minutes(), draft.specialist(),
				Boolean.TRUE.equals(draft.grouped()), draft.attended(), draft.attended() ? null : draft.missedReason());
		long id = supportRows.insertSession(learnerId, clean, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("session", "heldOn", clean.heldOn(), "minutes", clean.minutes(), "specialist",
						clean.specialist(), "grouped", clean.grouped(), "attended", clean.attended(), "missedReason",
						clean.missedReason()));
		return id;
	}

	@Transactional
	public long addDevice(Actor actor, long learnerId, DeviceDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.DEVICES);
		validateDevice(draft);
		long id = supportRows.insertDevice(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(), deviceFields("device", draft));
		return id;
	}

	/**
	 * Records a device's return or a change of its condition; the version read must still
	 * be current.
	 */
	@Transactional
	public void updateDevice(Actor actor, long learnerId, long deviceId, DeviceDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.DEVICES);
		Device current = one(supportRows.devices(learnerId), Device::id, deviceId, "device");
		if (draft.version() == null) {
			throw InvalidInputException.of("version", "validation.required");
		}
		validateDevice(draft);
		if (!supportRows.updateDevice(learnerId, deviceId, draft)) {
			throw new EditConflictException("device", deviceId);
		}
		audit.updated(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				deviceFields("device." + deviceId,
						new DeviceDraft(current.kind(), current.description(), current.providedOn(),
								current.returnedOn(), current.condition(), null)),
				deviceFields("device." + deviceId, draft));
	}

	private void validateDevice(DeviceDraft draft) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.kind(), "deviceKind", problems);
		optionalText(draft.description(), "description", 400, problems);
		access.pastDate(draft.providedOn(), "providedOn", problems);
		if (draft.returnedOn() != null) {
			if (draft.returnedOn().isAfter(access.today())) {
				problems.add("returnedOn", "validation.date.future");
			}
			else if (draft.providedOn() != null && draft.returnedOn().isBefore(draft.providedOn())) {
				problems.add("returnedOn", "validation.device.returnedBeforeProvided");
			}
		}
		require(draft.condition(), "condition", problems);
		problems.throwIfAny();
	}

	private static Map<String, Object> deviceFields(String prefix, DeviceDraft d) {
		return fields(prefix, "kind", d.kind(), "description", d.description(), "providedOn", d.providedOn(),
				"returnedOn", d.returnedOn(), "condition", d.condition());
	}

}
