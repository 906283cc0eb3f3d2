package org.barshaga.reports;

import java.util.List;

/**
 * One indicator in a report: its definition, the target for the place, and the rows of
 * its table (the place, each place below it, then the comparisons), each with its bar.
 */
public record ReportSection(Definition definition, boolean hasDenominator, Figure target, List<ReportRow> rows) {

	/** The rows the chart draws a bar for. */
	public List<ReportRow> charted() {
		return rows.stream().filter(r -> r.bar() != null).toList();
	}

	public ReportRow place() {
		return rows.stream().filter(r -> r.role() == ReportRow.Role.PLACE).findFirst().orElse(null);
	}

	public List<ReportRow> children() {
		return rows.stream().filter(ReportRow::child).toList();
	}

	public List<ReportRow> comparisons() {
		return rows.stream().filter(ReportRow::comparison).toList();
	}

}
