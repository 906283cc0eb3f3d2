package org.barshaga.reconcile;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of a run's lists of children, by outcome and place, as the counts and the
 * lists link to them. Apart from {@link ReconcileViews} because they need no language.
 */
final class ReconcileListLinks {

	private ReconcileListLinks() {
	}

	/** A link to another outcome's list of the same place. */
	record OutcomeLink(String labelKey, String href, boolean current) {
	}

	static List<OutcomeLink> outcomeLinks(long runId, ReconcileOutcome current, String unit) {
		return ReconcileViews.OUTCOMES.stream()
			.map(o -> new OutcomeLink(o.messageKey(), listHref(runId, o, unit), o == current))
			.toList();
	}

	static String listHref(long runId, ReconcileOutcome outcome, String unit) {
		return href("/reconcile/runs/{id}/children", runId, outcome, unit);
	}

	static String csvHref(long runId, ReconcileOutcome outcome, String unit) {
		return href("/reconcile/runs/{id}/children.csv", runId, outcome, unit);
	}

	private static String href(String path, long runId, ReconcileOutcome outcome, String unit) {
		UriComponentsBuilder href = UriComponentsBuilder.fromPath(path).queryParam("outcome", outcome.name());
		if (unit != null) {
			href.queryParam("unit", unit);
		}
		return href.buildAndExpand(runId).encode().toUriString();
	}

}
