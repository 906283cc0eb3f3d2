package org.barshaga.learner;

import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.LearnerEraser;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the learner register's rows of an erased child, after the other modules have
 * removed theirs (which refer to the learner) and before the audit log forgets the child.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class LearnerRowsEraser implements LearnerEraser {

	private static final String PLANS = "SELECT id FROM plan WHERE learner_id = :id";

	private final JdbcClient jdbc;

	LearnerRowsEraser(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void erase(Erasure erasure) {
		long id = erasure.child().learnerId();
		delete(erasure, "goal_rating", "review_id IN (SELECT id FROM plan_review WHERE plan_id IN (" + PLANS + "))",
				id);
		delete(erasure, "plan_review", "plan_id IN (" + PLANS + ")", id);
		delete(erasure, "plan_goal", "plan_id IN (" + PLANS + ")", id);
		delete(erasure, "plan_service", "plan_id IN (" + PLANS + ")", id);
		delete(erasure, "plan", "learner_id = :id", id);
		delete(erasure, "conclusion_service", "conclusion_id IN (SELECT id FROM conclusion WHERE learner_id = :id)",
				id);
		for (String table : new String[] { "conclusion", "functioning", "support_level", "support_session", "device",
				"enrolment", "consent", "guardian", "learner_transfer" }) {
			delete(erasure, table, "learner_id = :id", id);
		}
		delete(erasure, "learner", "id = :id", id);
	}

	private void delete(Erasure erasure, String table, String condition, long id) {
		erasure.removed(table, jdbc.sql("DELETE FROM " + table + " WHERE " + condition).param("id", id).update());
	}

}
