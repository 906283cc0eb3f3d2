package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instruments as pages: the catalogue, and one version's sections, items and scales
 * in the user's language, with its easy-read version one link away where it has one. Like
 * the indicator catalogue, open to every signed-in user: a definition holds no personal
 * data.
 */
@Controller
class InstrumentPages {

	private final Instruments instruments;

	InstrumentPages(Instruments instruments) {
		this.instruments = instruments;
	}

	record Row(String name, String code, String respondentKey, List<VersionLink> versions) {
	}

	record VersionLink(int version, String statusKey, String href) {
	}

	record SectionView(String code, String title, List<ItemView> items) {
	}

	record ItemView(String code, String typeKey, Integer points, String text, List<OptionView> options,
			boolean dontKnow, boolean notApplicable, String shownWhenItem, String shownWhenValues, String min,
			String max) {
	}

	record OptionView(String value, String label, String glyph) {
	}

	record ScaleView(String code, String name, String items, String reversed, int minimum, int count, String lowest,
			String highest) {
	}

	@GetMapping("/quality/instruments")
	String catalogue(Model model, Locale locale) {
		model.addAttribute("rows",
				instruments.catalogue()
					.stream()
					.map(i -> new Row(i.name().in(locale), i.code(), "quality.respondent." + i.respondent().name(),
							i.versions()
								.stream()
								.map(v -> new VersionLink(v.version(), "quality.status." + v.status().name(),
										"/quality/instruments/" + i.code() + "/versions/" + v.version()))
								.toList()))
					.toList());
		return "quality/instruments";
	}

	@GetMapping("/quality/instruments/{code}/versions/{version}")
	String version(@PathVariable String code, @PathVariable int version,
			@RequestParam(defaultValue = "false") boolean easy, Model model, Locale locale) {
		InstrumentVersion definition = instruments.definition(code, version);
		boolean easyRead = easy && definition.respondent().needsEasyRead();
		model.addAttribute("definition", definition);
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("intro", text(definition.intro(), easyRead, locale));
		model.addAttribute("easyRead", easyRead);
		model.addAttribute("hasEasyRead", definition.respondent().needsEasyRead());
		model.addAttribute("respondentKey", "quality.respondent." + definition.respondent().name());
		model.addAttribute("statusKey", "quality.status." + definition.status().name());
		String self = "/quality/instruments/" + code + "/versions/" + version;
		model.addAttribute("otherVersion", easyRead ? self : self + "?easy=true");
		model.addAttribute("sections",
				definition.sections()
					.stream()
					.map(s -> new SectionView(s.code(), text(s.title(), easyRead, locale),
							s.items().stream().map(i -> item(i, easyRead, locale)).toList()))
					.toList());
		model.addAttribute("scales", definition.scales().stream().map(s -> scale(s, definition, locale)).toList());
		return "quality/instrument";
	}

	private static ItemView item(Item item, boolean easyRead, Locale locale) {
		return new ItemView(item.code(), "quality.itemType." + item.type().name(), item.points(),
				text(item.text(), easyRead, locale),
				item.options()
					.stream()
					.map(o -> new OptionView(o.value().toPlainString(), text(o.label(), easyRead, locale),
							glyph(o.picture())))
					.toList(),
				item.allowsDontKnow(), item.allowsNotApplicable(), item.shownWhenItem(),
				item.shownWhenValues().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ")),
				plain(item.minNumber()), plain(item.maxNumber()));
	}

	private static ScaleView scale(Scale scale, InstrumentVersion definition, Locale locale) {
		Item first = definition.item(scale.items().get(0)).orElseThrow();
		return new ScaleView(scale.code(), scale.name().in(locale), String.join(", ", scale.items()),
				scale.reversed().isEmpty() ? null : String.join(", ", scale.reversed()), scale.minAnswered(),
				scale.items().size(), first.lowest().toPlainString(), first.highest().toPlainString());
	}

	private static String text(Texts texts, boolean easyRead, Locale locale) {
		return easyRead ? texts.easyIn(locale) : texts.in(locale);
	}

	private static String plain(BigDecimal number) {
		return number == null ? null : number.toPlainString();
	}

	/**
	 * The pictogram of a pictorial scale, shown beside its words and hidden from screen
	 * readers.
	 */
	static String glyph(String picture) {
		if (picture == null) {
			return null;
		}
		return switch (picture) {
			case "SAD" -> "☹";
			case "NEUTRAL" -> "😐";
			case "HAPPY" -> "☺";
			default -> null;
		};
	}

}
