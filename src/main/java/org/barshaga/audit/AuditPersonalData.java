package org.barshaga.audit;

import java.util.List;
import java.util.Map;

import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.LearnerEraser;
import org.barshaga.kernel.PersonalDataHolder;
import org.barshaga.kernel.PersonalDataQuery;
import org.barshaga.kernel.PersonalDataSection;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who read, changed or exported the child's record, for a parent's request; and, on an
 * erasure, the audit log's forgetting of the child. The events stay (who did what, when,
 * where), but no longer name the child: their record id becomes the erasure's random
 * reference, the changed values and details are cleared, and the child is taken out of
 * the events that held it (exports, reports). This runs last, after every module has said
 * which of its records were the child's.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditPersonalData implements PersonalDataHolder, LearnerEraser {

	static final String LEARNER = "learner";

	static final String PUPIL = "enrolment_pupil";

	private final JdbcClient jdbc;

	AuditPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(ChildReference child) {
		return List.of(PersonalDataQuery.section("record_history", """
				SELECT e.occurred_at, e.actor, e.action, e.record_path, e.detail FROM audit_event e
				WHERE (e.record_type = 'learner' AND e.record_id = :id)
					OR e.id IN (SELECT s.event_id FROM audit_event_subject s
						WHERE (s.record_type = 'learner' AND s.record_id = :id)
							OR (s.record_type = 'enrolment_pupil' AND s.record_id = :iin))
				ORDER BY e.occurred_at, e.id""")
			.param("id", String.valueOf(child.learnerId()))
			.param("iin", child.iin() == null ? "" : child.iin())
			.codes("action", AuditAction.class)
			.read(jdbc));
	}

	@Override
	public void erase(Erasure erasure) {
		forget(erasure, LEARNER, String.valueOf(erasure.child().learnerId()));
		if (erasure.child().iin() != null) {
			forget(erasure, PUPIL, erasure.child().iin());
			erasure.removed("audit_event (IIN cleared)",
					jdbc.sql("""
							UPDATE audit_event SET fields = NULL, detail = NULL
							WHERE fields LIKE :pattern OR detail LIKE :pattern""")
						.param("pattern", "%" + erasure.child().iin() + "%")
						.update());
		}
		for (Map.Entry<String, String> record : erasure.removedRecords()) {
			forget(erasure, record.getKey(), record.getValue());
		}
	}

	private void forget(Erasure erasure, String recordType, String recordId) {
		erasure.removed("audit_event_subject",
				jdbc.sql("DELETE FROM audit_event_subject WHERE record_type = :type AND record_id = :id")
					.param("type", recordType)
					.param("id", recordId)
					.update());
		erasure.removed("audit_event (child forgotten)",
				jdbc.sql("""
						UPDATE audit_event SET record_id = :reference, fields = NULL, detail = NULL
						WHERE record_type = :type AND record_id = :id""")
					.param("reference", erasure.reference())
					.param("type", recordType)
					.param("id", recordId)
					.update());
	}

}
