package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * What a list or download of a run's results asks for, checked: the outcome, the place
 * inside the user's scope and the page; and the page that names what is wrong.
 */
final class ListRequests {

	private ListRequests() {
	}

	/** The outcome, the place and the page of a list, as asked and checked. */
	record ListRequest(ReconcileOutcome outcome, DataScope within, String unitCode, String placeName, int page,
			List<String> problems) {
	}

	static ListRequest of(Actor actor, String outcome, String unit, String page, ReconcileViews views) {
		return of(actor, outcome, true, unit, page, views);
	}

	/** A place inside the user's scope, for a list that is not of one outcome. */
	static ListRequest ofPlace(Actor actor, String unit, ReconcileViews views) {
		return of(actor, null, false, unit, null, views);
	}

	private static ListRequest of(Actor actor, String outcome, boolean outcomeRequired, String unit, String page,
			ReconcileViews views) {
		List<String> problems = new ArrayList<>();
		ReconcileOutcome chosen = null;
		try {
			chosen = outcome == null ? null : ReconcileOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (chosen == null && outcomeRequired) {
			problems.add("reconcile.error.outcome");
		}
		DataScope within = actor.scope();
		String code = unit == null || unit.isBlank() ? null : unit.strip();
		String placeName = views.places().ofPath(actor.scope().pathPrefix());
		if (code != null) {
			Optional<Places.Place> place = views.places().find(code);
			if (place.isEmpty()) {
				problems.add("reconcile.error.unit");
			}
			else if (!actor.scope().contains(place.get().scope())) {
				// a place outside the user's part of the country is not there for them
				throw new NotFoundException("place", code);
			}
			else {
				within = place.get().scope();
				placeName = place.get().name();
			}
		}
		int number = 0;
		if (page != null && !page.isBlank()) {
			try {
				number = Integer.parseInt(page.strip());
			}
			catch (NumberFormatException ex) {
				number = -1;
			}
			if (number < 0) {
				problems.add("reconcile.error.page");
				number = 0;
			}
		}
		return new ListRequest(chosen, within, code, placeName, number, problems);
	}

	/** The page that says, in the user's language, what is wrong with the address. */
	static String invalid(List<String> problems, Model model, ReconcileViews views, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		List<String> texts = new ArrayList<>();
		for (String key : problems) {
			texts.add(key.equals("reconcile.error.outcome")
					? views.text(key,
							String.join(", ",
									ReconcileViews.OUTCOMES.stream().map(o -> views.text(o.messageKey())).toList()))
					: views.text(key));
		}
		model.addAttribute("problems", texts);
		return "reconcile/invalid";
	}

}
