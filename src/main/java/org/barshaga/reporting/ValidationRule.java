package org.barshaga.reporting;

import java.time.Instant;
import java.util.List;
import org.barshaga.kernel.LocalizedName;

/**
 * A validation rule with its versions, newest first. A version never changes: an edit
 * adds the next one, and a run names the version it used. A rule is retired by a version
 * that is not active, and brought back by another.
 */
public record ValidationRule(String code, boolean productDefault, List<Version> versions) {

	public record Version(int version, String left, Operator operator, String right, Importance importance,
			MissingValues missing, LocalizedName message, boolean active, Instant createdAt, String createdBy) {

		/** The rule written on one line, as a statistician reads it. */
		public String formula() {
			return left + " " + operator.symbol() + " " + right;
		}

	}

	public Version current() {
		return versions.get(0);
	}

}
