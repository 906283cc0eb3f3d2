package org.barshaga.network;

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
 * The requests for help that named the child. Its part of a parent's request; on an
 * erasure the request stays with the school and the centre that handled it (it counts in
 * their figures), but no longer names the child, and its texts, which were about the
 * child, are cleared.
 */
@Component
@Order(30)
class NetworkPersonalData implements PersonalDataHolder, LearnerEraser {

	private final JdbcClient jdbc;

	NetworkPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(ChildReference child) {
		return List.of(PersonalDataQuery.section("support_requests", """
				SELECT r.submitted_on, q.code AS requester, c.code AS centre, r.topic, r.urgency, r.status,
					r.description, r.consultation_on, r.outcome, r.closed_on
				FROM support_request r JOIN organisation q ON q.id = r.requester_id
				JOIN organisation c ON c.id = r.centre_id
				WHERE r.learner_id = :id ORDER BY r.submitted_on, r.id""")
			.param("id", child.learnerId())
			.codes("topic", SupportTopic.class)
			.codes("urgency", Urgency.class)
			.codes("status", RequestStatus.class)
			.read(jdbc));
	}

	@Override
	public void erase(Erasure erasure) {
		erasure.removed("support_request (child unlinked)", jdbc.sql("""
				UPDATE support_request SET learner_id = NULL, description = '', outcome = NULL, follow_up = NULL
				WHERE learner_id = :id""").param("id", erasure.child().learnerId()).update());
	}

}
