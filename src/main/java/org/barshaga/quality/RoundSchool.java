package org.barshaga.quality;

import org.barshaga.kernel.LocalizedName;

/**
 * A school in a round: how many people it is to reach (counted when the round opened),
 * how many codes it has handed out, and how many responses came back.
 */
public record RoundSchool(long organisationId, String code, LocalizedName name, String path, int expected,
		int codesIssued, int responses) {

	/** Responses as a percentage of the people to reach, or null when there are none. */
	public Double responseRate() {
		return expected == 0 ? null : 100.0 * responses / expected;
	}

}
