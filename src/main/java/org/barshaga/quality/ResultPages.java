package org.barshaga.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A round's results for one place as a page: scores shown to one decimal (half up), the
 * 95% interval, the four bands, the change since the last round, the places below with
 * links to their own results, and the answers item by item. Whatever the small-group rule
 * hides reads "fewer than 5".
 */
@Controller
class ResultPages {

	private final Results results;

	ResultPages(Results results) {
		this.results = results;
	}

	record ScaleView(String code, String name, String valid, String mean, String interval, List<String> bands,
			String change) {
	}

	record ChildView(String code, String name, String href, String responses, List<String> means) {
	}

	record ItemView(String code, String text, String answered, String mean, List<String> counts) {
	}

	@GetMapping("/quality/rounds/{id}/results")
	String results(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "KZ") String place, Model model,
			Locale locale) {
		Results.PlaceResults found = results.results(actor, id, place);
		InstrumentVersion definition = found.definition();
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("place", found.placeName().in(locale));
		model.addAttribute("roundHref", "/quality/rounds/" + id);
		model.addAttribute("shown", found.shown());
		model.addAttribute("responses", found.responses());
		model.addAttribute("scaleHeads", definition.scales().stream().map(s -> s.name().in(locale)).toList());
		model.addAttribute("scales", found.scales()
			.stream()
			.map(s -> new ScaleView(s.code(), s.name().in(locale), s.mean() == null ? null : String.valueOf(s.valid()),
					one(s.mean()), s.mean() == null ? null : one(s.low()) + " – " + one(s.high()),
					s.bands() == null ? null : s.bands().stream().map(String::valueOf).toList(), signed(s.change())))
			.toList());
		model.addAttribute("children", found.children().stream().map(c -> {
			List<String> means = new ArrayList<>();
			definition.scales().forEach(s -> means.add(one(c.means().get(s.code()))));
			return new ChildView(c.code(), c.name().in(locale), "/quality/rounds/" + id + "/results?place=" + c.code(),
					c.shown() ? String.valueOf(c.responses()) : null, means);
		}).toList());
		model.addAttribute("items", found.items().stream().map(i -> item(i, locale)).toList());
		model.addAttribute("texts", found.texts());
		model.addAttribute("readsTexts", found.readsTexts());
		// a self-review is one school's signed answer, hidden here by the small-group
		// rule;
		// its own page shows it beside the school's conditions and support
		model.addAttribute("selfReviewHref",
				SelfReviews.INSTRUMENT.equals(definition.code()) && found.placeIsSchool() && found.responses() > 0
						&& SelfReviews.reads(actor.role())
								? "/schools/" + found.placeCode() + "/self-review?round=" + id : null);
		return "quality/round-results";
	}

	private static ItemView item(Results.ItemResult result, Locale locale) {
		Item item = result.item();
		List<String> counts = null;
		if (result.counts() != null) {
			counts = new ArrayList<>();
			for (Option option : item.options()) {
				Long count = result.counts().get(option.value());
				counts.add(option.label().in(locale) + ": " + (count == null ? 0 : count));
			}
		}
		return new ItemView(item.code(), item.text().in(locale),
				result.answered() == 0 ? null : String.valueOf(result.answered()), decimal(result.mean(), 2), counts);
	}

	static String one(Double value) {
		return decimal(value, 1);
	}

	private static String decimal(Double value, int places) {
		return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
	}

	private static String signed(Double change) {
		if (change == null) {
			return null;
		}
		String text = one(change);
		return change >= 0.05 ? "+" + text : text;
	}

}
