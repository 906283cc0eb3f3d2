package org.barshaga.network;

import org.barshaga.kernel.Coded;

/** Where a consultation takes place. */
public enum ConsultationMode implements Coded {

	VISIT, ONLINE, AT_CENTRE

}
