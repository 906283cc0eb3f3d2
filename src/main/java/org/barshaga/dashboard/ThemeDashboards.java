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
 * The views of the dashboards given to one theme, each a few tables of the indicator
 * engine's figures with the same downloads as every dashboard table, so a file holds
 * exactly what the page shows.
 * <ul>
 * <li>Outcomes: how far learners with SEN are from their peers by place, the gap with and
 * without the support their conclusions recommend, who drops out and who moves on.</li>
 * <li>Voices: the schools' self-review, teachers' efficacy, partnership with parents,
 * pupils' belonging and who answered, from the quality surveys.</li>
 * </ul>
 */
@Controller
class ThemeDashboards {

	private final Figures figures;

	ThemeDashboards(Figures figures) {
		this.figures = figures;
	}

	/** A table of a view: its name on the page and what it asks. */
	private record Part(String name, Ask ask) {
	}

	@GetMapping("/dashboards/outcomes")
	String outcomes(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf, Locale locale,
			Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		PlaceName place = c.place(unit);
		View below = c.childrenVisible(place) ? View.CHILDREN : View.SELF;
		return view(c, place, model, "outcomes", "ATTAINMENT_GAP", List.of(
				new Part("gaps",
						new Ask(List.of("ATTAINMENT_GAP", "ATTENDANCE_GAP"), place.code(), below, null, false)),
				new Part("support",
						new Ask(List.of("ATTAINMENT_BY_SUPPORT"), place.code(), View.SELF, Dimension.SUPPORT_DELIVERED,
								false)),
				new Part("dropout", new Ask(List.of("DROPOUT_SEN", "DROPOUT_PEERS"), place.code(), below, null, false)),
				new Part("transitions", new Ask(List.of("TRANSITION_AFTER_9", "TRANSITION_AFTER_11"), place.code(),
						View.SELF, Dimension.LEARNER_GROUP, false))));
	}

	@GetMapping("/dashboards/voices")
	String voices(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf, Locale locale,
			Model model) {
		Context c = figures.context(actor, year, asOf, locale);
		PlaceName place = c.place(unit);
		View below = c.childrenVisible(place) ? View.CHILDREN : View.SELF;
		return view(
				c, place, model, "voices", "RESPONSE_RATE", List.of(
						new Part("selfReview",
								new Ask(List.of("SELF_REVIEW_CULTURES", "SELF_REVIEW_POLICIES",
										"SELF_REVIEW_PRACTICES"), place.code(), below, null, false)),
						new Part("teachers",
								new Ask(List.of("TEACHER_EFFICACY"), place.code(), View.SELF, Dimension.QUALITY_SCALE,
										false)),
						new Part("parents", new Ask(List.of("PARENT_PARTNERSHIP"), place.code(), below, null, false)),
						new Part("pupils",
								new Ask(List.of("PUPIL_BELONGING"), place.code(), View.SELF, Dimension.LEARNER_GROUP,
										false)),
						new Part("responses",
								new Ask(List.of("RESPONSE_RATE"), place.code(), View.SELF, Dimension.SURVEY, false))));
	}

	private String view(Context c, PlaceName place, Model model, String view, String dated, List<Part> parts) {
		String placeName = c.name(place.name());
		// a view shows only the tables whose indicators the catalogue still holds
		List<Part> shown = parts.stream()
			.filter(part -> part.ask().codes().stream().allMatch(c.catalogue::containsKey))
			.toList();
		List<Figures.Question> questions = new ArrayList<>();
		shown.forEach(part -> questions.addAll(figures.questions(c, part.ask())));
		c.prefetch(questions);
		DashboardPages.common(c, place, model, view, c.catalogue.get(dated));
		List<ThemeSection> sections = new ArrayList<>();
		for (Part part : shown) {
			String prefix = "dashboard." + view + "." + part.name();
			FigureTable table = figures.table(c, part.ask(), view + "-" + part.name(),
					c.text(prefix + ".caption", placeName), Link.NONE);
			Chart chart = table.rows().isEmpty() ? null : Charts.bars(c, table, c.text(prefix));
			sections.add(new ThemeSection(part.name(), table, chart));
		}
		model.addAttribute("view", view);
		model.addAttribute("sections", sections);
		model.addAttribute("crumbs",
				c.crumbs(place, code -> "/dashboards/" + view + "?unit=" + code + "&" + c.yearQuery()));
		return "dashboard/theme";
	}

}
