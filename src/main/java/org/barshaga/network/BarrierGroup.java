package org.barshaga.network;

import org.barshaga.kernel.Coded;

/**
 * The five groups of barriers to inclusion that seed 001 names, which a practice says it
 * addresses (the same groups as the quality module's barriers instrument).
 */
public enum BarrierGroup implements Coded {

	INFRASTRUCTURE, STAFF, FUNDING, ADMINISTRATION, SOCIAL

}
