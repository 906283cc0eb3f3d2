package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Where a transfer request stands. */
public enum TransferStatus implements Coded {

	PENDING, ACCEPTED, REFUSED

}
