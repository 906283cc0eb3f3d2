package org.barshaga.reports;

import java.util.List;

/**
 * The report of a region or district for a school year, every text and number already in
 * the reader's language: the place, the dates its figures were counted on, and one
 * section per indicator of the catalogue.
 *
 * @param asOf none for live figures, else "approved" or the revision of the figures of
 * record shown
 * @param figures the statement of which figures the report shows
 */
public record Report(String unitCode, String placeName, String kindKey, boolean district, int year, String schoolYear,
		String census, String referenceMonth, String generatedAt, boolean suppressed, List<ReportSection> sections,
		String asOf, String figures) {
}
