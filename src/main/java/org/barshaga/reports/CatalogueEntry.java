package org.barshaga.reports;

import java.util.List;

/** An indicator of the catalogue page: its definition and the targets set for it. */
public record CatalogueEntry(Definition definition, List<TargetLine> targets) {

	/** A target as the page lists it: the school year, the unit and the value. */
	public record TargetLine(String schoolYear, String unitCode, String unitName, Figure value) {
	}

}
