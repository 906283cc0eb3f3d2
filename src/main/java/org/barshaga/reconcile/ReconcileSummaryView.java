package org.barshaga.reconcile;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.DataScope;

/**
 * The table of a run's counts for the user's scope, in the page's language, each count
 * linking to its list. Apart from {@link ReconcileViews} because it is one table of one
 * page, with records of its own.
 */
final class ReconcileSummaryView {

	private final ReconcileViews views;

	ReconcileSummaryView(ReconcileViews views) {
		this.views = views;
	}

	/** A count of one outcome in one place, with the list it opens (none for zero). */
	record Cell(long count, String href) {
	}

	/**
	 * A place below the scope, its counts in the order of
	 * {@link ReconcileViews#OUTCOMES}, and the sum.
	 */
	record PlaceRow(String code, String name, List<Cell> cells, Cell total) {
	}

	/**
	 * The table of a run's counts for the user's scope: a row per place one level below,
	 * sorted by name, then the children known only at the scope's own level, then the
	 * totals.
	 */
	record Summary(String caption, List<PlaceRow> rows, PlaceRow totals, long toReview, String reviewHref) {

		public boolean empty() {
			return totals.total().count() == 0;
		}

	}

	Summary summary(long runId, DataScope scope, Map<String, Map<ReconcileOutcome, Long>> counts) {
		List<PlaceRow> rows = new ArrayList<>();
		PlaceRow own = null;
		Map<ReconcileOutcome, Long> totals = new EnumMap<>(ReconcileOutcome.class);
		for (Map.Entry<String, Map<ReconcileOutcome, Long>> place : counts.entrySet()) {
			place.getValue().forEach((outcome, n) -> totals.merge(outcome, n, Long::sum));
			if (place.getKey().isEmpty()) {
				own = row(runId, null, views.text(ownLevelKey(scope), views.places().ofPath(scope.pathPrefix())),
						place.getValue(), false);
			}
			else {
				rows.add(row(runId, place.getKey(), views.places().name(place.getKey()), place.getValue(), true));
			}
		}
		Collator collator = Collator.getInstance(views.locale());
		rows.sort(Comparator.comparing(PlaceRow::name, collator));
		if (own != null) {
			rows.add(own);
		}
		PlaceRow total = row(runId, null, views.text("reconcile.summary.total"), totals, true);
		long toReview = totals.getOrDefault(ReconcileOutcome.UNCERTAIN, 0L);
		return new Summary(views.text("reconcile.summary.caption", views.places().ofPath(scope.pathPrefix())), rows,
				total, toReview, ReconcileListLinks.listHref(runId, ReconcileOutcome.UNCERTAIN, null));
	}

	/**
	 * What the children counted at the scope's own level are: for a district, those
	 * living there who attend none of its schools.
	 */
	static String ownLevelKey(DataScope scope) {
		int depth = scope.pathPrefix().split("/").length - 2;
		return depth <= 0 ? "reconcile.place.own.country"
				: depth == 1 ? "reconcile.place.own.region" : "reconcile.place.own.district";
	}

	private PlaceRow row(long runId, String code, String name, Map<ReconcileOutcome, Long> counts, boolean linked) {
		List<Cell> cells = new ArrayList<>();
		long sum = 0;
		for (ReconcileOutcome outcome : ReconcileViews.OUTCOMES) {
			long n = counts.getOrDefault(outcome, 0L);
			sum += n;
			cells.add(new Cell(n, linked && n > 0 ? ReconcileListLinks.listHref(runId, outcome, code) : null));
		}
		return new PlaceRow(code, name, cells, new Cell(sum, null));
	}

}
