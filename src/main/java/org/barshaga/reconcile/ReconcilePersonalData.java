package org.barshaga.reconcile;

import java.util.List;

import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.LearnerEraser;
import org.barshaga.kernel.PersonalDataHolder;
import org.barshaga.kernel.PersonalDataQuery;
import org.barshaga.kernel.PersonalDataSection;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the linkage of the registers holds about one child: the results that matched a
 * record of the health registry or the benefits to the child's IIN (or are about such a
 * record), the reviewers' decisions and the pupils held twice. Its part of a parent's
 * request and of an erasure. It runs before the extracts are erased, as it finds the
 * child's registry records by their IIN.
 */
@Component
@Order(10)
class ReconcilePersonalData implements PersonalDataHolder, LearnerEraser {

	private static final String RECORDS = """
			(SELECT record_id FROM health_registry_record WHERE iin = :iin
			UNION SELECT record_id FROM social_benefit_record WHERE iin = :iin)""";

	private final JdbcClient jdbc;

	ReconcilePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(ChildReference child) {
		String iin = child.iin() == null ? "" : child.iin();
		return List.of(PersonalDataQuery
			.section("register_matches",
					"""
							SELECT u.school_year, r.register, r.record_id, r.outcome, r.probability, r.found_in
							FROM reconcile_result r JOIN reconcile_run u ON u.id = r.run_id
							WHERE r.pupil_iin = :iin OR r.record_id IN""" + RECORDS
							+ " ORDER BY u.school_year, r.run_id, r.record_id")
			.param("iin", iin)
			.read(jdbc), PersonalDataQuery.section("register_decisions", """
					SELECT register, record_id, confirmed, decided_by, decided_at FROM reconcile_decision
					WHERE pupil_iin = :iin ORDER BY decided_at, record_id""").param("iin", iin).read(jdbc));
	}

	@Override
	public void erase(Erasure erasure) {
		String iin = erasure.child().iin();
		if (iin == null) {
			return;
		}
		erasure.removed("reconcile_result",
				jdbc.sql("DELETE FROM reconcile_result WHERE pupil_iin = :iin OR record_id IN " + RECORDS)
					.param("iin", iin)
					.update());
		erasure.removed("reconcile_decision",
				jdbc.sql("DELETE FROM reconcile_decision WHERE pupil_iin = :iin OR record_id IN " + RECORDS)
					.param("iin", iin)
					.update());
		erasure.removed("reconcile_duplicate_decision", jdbc
			.sql("DELETE FROM reconcile_duplicate_decision" + " WHERE record_id IN " + RECORDS
					+ " OR other_record_id IN " + RECORDS)
			.param("iin", iin)
			.update());
		erasure.removed("reconcile_pupil_duplicate",
				jdbc.sql("DELETE FROM reconcile_pupil_duplicate WHERE iin = :iin OR other_iin = :iin")
					.param("iin", iin)
					.update());
	}

}
