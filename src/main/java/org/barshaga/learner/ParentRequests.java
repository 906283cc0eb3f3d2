package org.barshaga.learner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PersonalDataHolder;
import org.barshaga.kernel.PersonalDataSection;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A parent's request for the child's data: the whole record as every module holds it
 * (each registers a {@link PersonalDataHolder}), with what the law asks the operator to
 * tell about the processing. Issued by a school coordinator or a district or regional
 * officer in whose scope the child is (found in SQL), for a guardian on record, on the
 * day the guardian asked; each export is one audit event recorded against the child.
 */
@Service
public class ParentRequests {

	/** Who hands a family its child's record: the places that serve the family. */
	static final Set<Role> ISSUERS = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.DISTRICT_OFFICER, Role.REGION_OFFICER);

	/** The file a request is answered with. */
	public enum Format implements org.barshaga.kernel.Coded {

		PDF, JSON

	}

	/**
	 * A child's whole record: whose it is, who asked and who issued it, and every
	 * section. The guardian and the request day are null for an administrator's read of
	 * an archive.
	 */
	public record Dossier(String fullName, String iin, LocalDate birthDate, String guardian, LocalDate requestedOn,
			Instant issuedAt, String issuedBy, List<PersonalDataSection> sections) {
	}

	private final LearnerAccess access;

	private final CaseRepository caseRows;

	private final List<PersonalDataHolder> holders;

	private final AuditLog audit;

	private final Clock clock;

	ParentRequests(LearnerAccess access, CaseRepository caseRows, List<PersonalDataHolder> holders, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.caseRows = caseRows;
		this.holders = holders;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean issues(Actor actor) {
		return ISSUERS.contains(actor.role());
	}

	/** The guardians on record, to choose who asked. */
	@Transactional(readOnly = true)
	public List<Guardian> guardians(Actor actor, long learnerId) {
		requireIssuer(actor);
		access.find(actor, learnerId);
		return caseRows.guardians(learnerId);
	}

	/** The child's name, for the page of the request; the read is audited. */
	@Transactional
	public Learner child(Actor actor, long learnerId) {
		requireIssuer(actor);
		Learner learner = access.find(actor, learnerId);
		audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, learnerId, learner.path(),
				"parent's request form: fullName");
		return learner;
	}

	@Transactional
	public Dossier export(Actor actor, long learnerId, Long guardianId, LocalDate requestedOn, Format format) {
		requireIssuer(actor);
		Learner learner = access.find(actor, learnerId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		List<Guardian> guardians = caseRows.guardians(learnerId);
		Guardian guardian = guardians.stream()
			.filter(g -> guardianId != null && g.id() == guardianId)
			.findFirst()
			.orElse(null);
		if (guardianId == null) {
			problems.add("guardian", "validation.required");
		}
		else if (guardian == null) {
			problems.add("guardian", "validation.parentRequest.guardian");
		}
		if (requestedOn == null) {
			problems.add("requestedOn", "validation.required");
		}
		else if (requestedOn.isAfter(LocalDate.now(clock))) {
			problems.add("requestedOn", "validation.date.future");
		}
		if (format == null) {
			problems.add("format", "validation.required");
		}
		problems.throwIfAny();
		AuditSubjects child = new AuditSubjects(Learners.RECORD_TYPE);
		child.add(learnerId);
		audit.recordedHolding(actor, AuditAction.EXPORT, Learners.RECORD_TYPE, learnerId, learner.path(),
				"parent's request: the whole record as " + format.name() + ", asked by guardian " + guardianId + " on "
						+ requestedOn,
				child);
		return dossier(new ChildReference(learnerId, learner.iin()), actor, guardian.fullName(), requestedOn);
	}

	/** Every module's sections about the child; the caller has found it and audits. */
	Dossier dossier(ChildReference child, Actor actor, String guardian, LocalDate requestedOn) {
		List<PersonalDataSection> sections = new ArrayList<>();
		for (PersonalDataHolder holder : holders) {
			sections.addAll(holder.sectionsOf(child));
		}
		PersonalDataSection identity = sections.get(0);
		List<Object> row = identity.rows().get(0);
		String fullName = String
			.join(" ", text(row, identity, "surname"), text(row, identity, "given_name"),
					text(row, identity, "patronymic"))
			.strip();
		Object birth = row.get(identity.columns().indexOf("birth_date"));
		return new Dossier(fullName, child.iin(), (LocalDate) birth, guardian, requestedOn, Instant.now(clock),
				actor.fullName(), sections);
	}

	private static String text(List<Object> row, PersonalDataSection section, String column) {
		Object value = row.get(section.columns().indexOf(column));
		return value == null ? "" : value.toString();
	}

	private static void requireIssuer(Actor actor) {
		if (!issues(actor)) {
			throw new NotPermittedException("issue a parent's request");
		}
	}

}
