package org.barshaga.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.dashboard.Figures.Context;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.PlaceName;
import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outcomes view of the dashboards: how far learners with SEN are from their peers by
 * place, the gap with and without the support their conclusions recommend, who drops out
 * and who moves on. Each table is the indicator engine's figures with the same downloads
 * as every dashboard table, so a file holds exactly what the page shows.
 */
@Controller
class OutcomesDashboard {

	private final Figures figures;

	OutcomesDashboard(Figures figures) {
		this.figures = figures;
	}

	/** A table of the view: its name on the page and what it asks. */
	private record Part(String name, Ask ask) {
	}

	@GetMapping("/dashboards/outcomes")
	String outcomes(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf, Locale locale,
			Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		PlaceName place = c.place(unit);
		String placeName = c.name(place.name());
		View below = c.childrenVisible(place) ? View.CHILDREN : View.SELF;
		List<Part> parts = List.of(
				new Part("gaps",
						new Ask(List.of("ATTAINMENT_GAP", "ATTENDANCE_GAP"), place.code(), below, null, false)),
				new Part("support",
						new Ask(List.of("ATTAINMENT_BY_SUPPORT"), place.code(), View.SELF, Dimension.SUPPORT_DELIVERED,
								false)),
				new Part("dropout", new Ask(List.of("DROPOUT_SEN", "DROPOUT_PEERS"), place.code(), below, null, false)),
				new Part("transitions", new Ask(List.of("TRANSITION_AFTER_9", "TRANSITION_AFTER_11"), place.code(),
						View.SELF, Dimension.LEARNER_GROUP, false)));
		List<Part> shown = parts.stream()
			.filter(part -> part.ask().codes().stream().allMatch(c.catalogue::containsKey))
			.toList();
		List<Figures.Question> questions = new ArrayList<>();
		shown.forEach(part -> questions.addAll(figures.questions(c, part.ask())));
		c.prefetch(questions);
		DashboardPages.common(c, place, model, "outcomes", c.catalogue.get("ATTAINMENT_GAP"));
		List<OutcomeSection> sections = new ArrayList<>();
		for (Part part : shown) {
			FigureTable table = figures.table(c, part.ask(), "outcomes-" + part.name(),
					c.text("dashboard.outcomes." + part.name() + ".caption", placeName), Link.NONE);
			Chart chart = table.rows().isEmpty() ? null
					: Charts.bars(c, table, c.text("dashboard.outcomes." + part.name()));
			sections.add(new OutcomeSection(part.name(), table, chart));
		}
		model.addAttribute("sections", sections);
		model.addAttribute("crumbs",
				c.crumbs(place, code -> "/dashboards/outcomes?unit=" + code + "&" + c.yearQuery()));
		return "dashboard/outcomes";
	}

}
