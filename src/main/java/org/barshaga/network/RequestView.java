package org.barshaga.network;

import java.util.Set;

/**
 * A request as one user sees it: the child's name only for the two parties while the
 * consent to sharing is in force, and the transitions this user may make now.
 */
public record RequestView(SupportRequest request, Child child, String childName, Set<Transition> transitions) {

	/** What the page says about the child of a request. */
	public enum Child {

		/** No child is named. */
		NONE,
		/** Named, and shown to this party. */
		SHOWN,
		/** Named, but the consent to sharing has since been withdrawn. */
		CONSENT_WITHDRAWN,
		/** Named, but this user is not a party to the request. */
		NOT_A_PARTY

	}

	public RequestView {
		transitions = Set.copyOf(transitions);
	}

	public boolean can(String transition) {
		return transitions.contains(Transition.valueOf(transition));
	}

}
