package org.barshaga.network;

import java.util.Set;

import org.barshaga.learner.SenCategory;

/**
 * A new request as the school submitted it: the centre by its registry code, and the
 * child (optional) by IIN.
 */
public record RequestDraft(String centreCode, SupportTopic topic, Set<SenCategory> categories, String learnerIin,
		Urgency urgency, String description) {

	public RequestDraft {
		categories = categories == null ? Set.of() : Set.copyOf(categories);
	}

}
