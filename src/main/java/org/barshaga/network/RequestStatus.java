package org.barshaga.network;

import org.barshaga.kernel.Coded;

/** Where a request stands; each transition moves it one step, never back. */
public enum RequestStatus implements Coded {

	SUBMITTED, ACCEPTED, SCHEDULED, CLOSED, CONFIRMED

}
