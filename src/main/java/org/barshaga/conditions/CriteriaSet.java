package org.barshaga.conditions;

import java.time.Instant;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * A named list of rules with its versions, newest first. A version never changes; an edit
 * adds the next one, and every evaluation names the version it used.
 */
public record CriteriaSet(long id, String code, LocalizedName name, boolean productDefault, List<Version> versions) {

	public record Version(long id, int version, String rules, Instant createdAt, String createdBy) {
	}

	public Version current() {
		return versions.get(0);
	}

}
