package org.barshaga.indicators;

import java.util.List;

/**
 * Which figures a page, report or file shows: live ones, or the figures of record of its
 * school year as of a revision ("approved" for the latest, or a revision's number), with
 * the year's revisions a page can offer to choose from. Other years shown beside the
 * chosen one (a trend) stay live.
 *
 * @param revision none for live figures
 * @param param the choice as a query keeps it: none, "approved" or the number
 */
public record FiguresAsOf(int year, FiguresOfRecord.Revision revision, String param,
		List<FiguresOfRecord.Revision> revisions) {

	/**
	 * The choice an "asOf" names for a school year; refused in the user's language when
	 * the year has no figures of record or no such revision.
	 */
	public static FiguresAsOf of(FiguresOfRecord recorded, int year, String asOf) {
		List<FiguresOfRecord.Revision> revisions = recorded.revisions(year);
		if (FiguresOfRecord.live(asOf)) {
			return new FiguresAsOf(year, null, null, revisions);
		}
		FiguresOfRecord.Revision revision = recorded.revision(year, asOf);
		String param = asOf.strip().equalsIgnoreCase("approved") ? "approved" : String.valueOf(revision.revision());
		return new FiguresAsOf(year, revision, param, revisions);
	}

	public boolean live() {
		return revision == null;
	}

	/** Whether the values of a year come from the chosen revision. */
	public boolean recordOf(int year) {
		return revision != null && year == this.year;
	}

}
