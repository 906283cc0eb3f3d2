package org.barshaga.learner;

/**
 * What registering a learner did: created the record, or, when the IIN is held outside
 * the registrant's scope, asked the holding place for it.
 */
public record Registration(Learner learner, TransferRequest transfer) {

	public boolean transferRequested() {
		return transfer != null;
	}

}
