package org.barshaga.reports;

import java.util.List;

/** Units to choose from, grouped under their region for a select's option groups. */
public record UnitGroup(String label, List<UnitOption> options) {

	/** A unit that may be chosen: its code and name. */
	public record UnitOption(String code, String label) {
	}

}
