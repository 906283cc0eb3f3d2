package org.barshaga.learner;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a child's record stays in use. A child has left the system on the latest of:
 * the day the last enrolment ended, the next review date of every PMPC conclusion (a
 * conclusion is in force until then), and the day the record was registered; a child with
 * an open enrolment, or an assistive device not returned, has not left. The record is
 * archived once {@code barshaga.retention.years} (default 5) whole years have passed
 * since then: it leaves every list, search, worklist and record page, and only an
 * administrator reads it, stating why. Erasure is {@link Erasures}.
 */
@Service
public class Retention {

	static final String ARCHIVE_RECORD_TYPE = "learner-archive";

	/**
	 * The children whose record is due for the archive on :cutoff (today less the years).
	 */
	static final String DUE = """
			SELECT l.id FROM learner l
			WHERE l.archived_on IS NULL AND CAST(l.created_at AS DATE) <= :cutoff
				AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.learner_id = l.id
					AND (e.ended_on IS NULL OR e.ended_on > :cutoff))
				AND NOT EXISTS (SELECT 1 FROM conclusion c WHERE c.learner_id = l.id AND c.next_review_on > :cutoff)
				AND NOT EXISTS (SELECT 1 FROM device d WHERE d.learner_id = l.id AND d.returned_on IS NULL)
			ORDER BY l.id""";

	private final JdbcClient jdbc;

	private final ChildFinder finder;

	private final ParentRequests dossiers;

	private final AuditLog audit;

	private final Clock clock;

	private final int years;

	Retention(JdbcClient jdbc, ChildFinder finder, ParentRequests dossiers, AuditLog audit, Clock clock,
			@Value("${barshaga.retention.years:5}") int years) {
		if (years < 1) {
			throw new IllegalArgumentException("barshaga.retention.years must be at least 1, not " + years);
		}
		this.jdbc = jdbc;
		this.finder = finder;
		this.dossiers = dossiers;
		this.audit = audit;
		this.clock = clock;
		this.years = years;
	}

	public int years() {
		return years;
	}

	/** The records due for the archive on a day, by learner id. */
	public List<Long> dueOn(LocalDate day) {
		return jdbc.sql(DUE).param("cutoff", Date.valueOf(day.minusYears(years))).query(Long.class).list();
	}

	public List<Long> dueToday() {
		return dueOn(LocalDate.now(clock));
	}

	/**
	 * Archives every record due today, as one audited change that holds each archived
	 * child; answers how many were archived.
	 */
	@Transactional
	public int archiveDue(Actor actor) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("archive learner records");
		}
		LocalDate today = LocalDate.now(clock);
		List<Long> due = dueOn(today);
		AuditSubjects archived = new AuditSubjects(Learners.RECORD_TYPE);
		for (Long id : due) {
			jdbc.sql("UPDATE learner SET archived_on = :today WHERE id = :id AND archived_on IS NULL")
				.param("today", Date.valueOf(today))
				.param("id", id)
				.update();
			archived.add(id);
		}
		audit.recordedHolding(actor, AuditAction.UPDATE, ARCHIVE_RECORD_TYPE, today, actor.scope().pathPrefix(),
				"archived: " + due.size() + " records of children who left on or before " + today.minusYears(years)
						+ " (retention " + years + " years)",
				archived);
		return due.size();
	}

	/**
	 * Brings an archived record back into use, for a child who returns (to a school, or
	 * before a PMPC): the record is in the lists, searches and record pages again, with
	 * everything it held. Only an administrator, stating why; audited with the reason.
	 * Left archived, the record would meet the school that registers the child as an IIN
	 * held elsewhere, and a second record of the same child would start from nothing.
	 * @return the record's id
	 */
	@Transactional
	public long restore(Actor actor, String record, String reason) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("bring archived learner records back");
		}
		String why = stated(reason);
		ChildFinder.Found child = archived(actor, record, why);
		jdbc.sql("""
				UPDATE learner SET archived_on = NULL, version = version + 1, updated_at = :now
				WHERE id = :id AND archived_on IS NOT NULL""")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", child.id())
			.update();
		audit.recorded(actor, AuditAction.UPDATE, Learners.RECORD_TYPE, child.id(), child.path(),
				"brought back from the archive (archived on " + child.archivedOn() + "); reason: " + why);
		return child.id();
	}

	private static String stated(String reason) {
		return reason == null ? "" : reason.strip();
	}

	/**
	 * The archived child a record number or IIN names in the administrator's scope, with
	 * the reason checked; every problem of both at once.
	 */
	private ChildFinder.Found archived(Actor actor, String record, String why) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (why.isEmpty()) {
			problems.add("reason", "validation.required");
		}
		else if (why.length() < Erasures.REASON_MIN) {
			problems.add("reason", "validation.erasure.reason", Erasures.REASON_MIN);
		}
		ChildFinder.Found child = null;
		try {
			child = finder.find(record, actor.scope(), "record");
			if (child.archivedOn() == null) {
				problems.add("record", "validation.retention.notArchived", record.strip());
			}
		}
		catch (InvalidInputException refused) {
			refused.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
		}
		problems.throwIfAny();
		return child;
	}

	/**
	 * An archived record, whole, for an administrator who states why; the read is audited
	 * with the reason.
	 */
	@Transactional
	public ParentRequests.Dossier readArchived(Actor actor, String record, String reason) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("read archived learner records");
		}
		String why = stated(reason);
		ChildFinder.Found child = archived(actor, record, why);
		audit.recorded(actor, AuditAction.READ, Learners.RECORD_TYPE, child.id(), child.path(),
				"archived record, whole; reason: " + why);
		return dossiers.dossier(new ChildReference(child.id(), child.iin()), actor, null, null);
	}

}
