package org.barshaga.network;

import org.barshaga.kernel.Coded;

/**
 * Where a practice stands: its author edits a draft, a resource centre of the region
 * publishes it or returns it with a note, and a returned practice is edited and submitted
 * again.
 */
public enum PracticeStatus implements Coded {

	DRAFT, SUBMITTED, PUBLISHED, RETURNED;

	boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
