package org.barshaga.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.LocalizedName;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quality instruments over HTTP: the catalogue, each version's definition, and the
 * scores of a set of answers (stored nowhere). Definitions hold no personal data, so
 * every signed-in caller reads them.
 */
@RestController
@RequestMapping("/api/v1/instruments")
@Tag(name = "Quality instruments", description = "Instrument definitions and the scoring rule")
class InstrumentsApi {

	private final Instruments instruments;

	InstrumentsApi(Instruments instruments) {
		this.instruments = instruments;
	}

	record Summary(String code, Respondent respondent, Map<String, String> name, List<VersionSummary> versions) {
	}

	record VersionSummary(int version, VersionStatus status, Instant publishedAt) {
	}

	record Definition(String code, int version, VersionStatus status, Respondent respondent, Map<String, String> name,
			Map<String, String> intro, Map<String, String> easyRead, List<SectionBody> sections,
			List<ScaleBody> scales) {
	}

	record SectionBody(String code, Map<String, String> title, Map<String, String> easyRead, List<ItemBody> items) {
	}

	record ItemBody(String code, ItemType type, Integer points, Map<String, String> text, Map<String, String> easyRead,
			List<OptionBody> options, boolean dontKnowAllowed, boolean notApplicableAllowed, Condition shownWhen,
			BigDecimal min, BigDecimal max) {
	}

	record OptionBody(BigDecimal value, String picture, Map<String, String> label, Map<String, String> easyRead) {
	}

	record Condition(String item, List<BigDecimal> values) {
	}

	record ScaleBody(String code, Map<String, String> name, List<String> items, List<String> reversed, int minAnswered,
			BigDecimal lowest, BigDecimal highest) {
	}

	record ScoreRequest(Map<String, Object> answers) {
	}

	record ScoreResponse(Map<String, ScaleScore> scales) {
	}

	@GetMapping
	@Operation(summary = "The instruments with their versions")
	List<Summary> catalogue() {
		return instruments.catalogue()
			.stream()
			.map(i -> new Summary(i.code(), i.respondent(), names(i.name()),
					i.versions()
						.stream()
						.map(v -> new VersionSummary(v.version(), v.status(), v.publishedAt()))
						.toList()))
			.toList();
	}

	@GetMapping("/{code}/versions/{version}")
	@Operation(summary = "One version's definition: sections, items with their types and option values, "
			+ "and scales with their items, reversed items and minimum answered, in Kazakh, Russian and English "
			+ "(with easy-read texts for pupils' and parents' instruments)")
	Definition definition(@PathVariable String code, @PathVariable int version) {
		InstrumentVersion definition = instruments.definition(code, version);
		return new Definition(definition.code(), definition.version(), definition.status(), definition.respondent(),
				names(definition.name()), names(definition.intro().text()), names(definition.intro().easyRead()),
				definition.sections().stream().map(InstrumentsApi::section).toList(),
				definition.scales().stream().map(s -> scale(s, definition)).toList());
	}

	@PostMapping("/{code}/versions/{version}/score")
	@Operation(summary = "Scores a set of answers by the scoring rule, storing nothing. Each answer is a number "
			+ "on the item's scale, \"DONT_KNOW\" or \"NOT_APPLICABLE\" (where the item offers them), or null for "
			+ "no answer. Mean and score are null for a scale with fewer answered items than its minimum; "
			+ "neither is rounded.")
	ScoreResponse score(@PathVariable String code, @PathVariable int version, @RequestBody ScoreRequest request) {
		return new ScoreResponse(instruments.score(code, version, request.answers()));
	}

	private static SectionBody section(Section section) {
		return new SectionBody(section.code(), names(section.title().text()), names(section.title().easyRead()),
				section.items().stream().map(InstrumentsApi::item).toList());
	}

	private static ItemBody item(Item item) {
		return new ItemBody(item.code(), item.type(), item.points(), names(item.text().text()),
				names(item.text().easyRead()),
				item.options()
					.stream()
					.map(o -> new OptionBody(o.value(), o.picture(), names(o.label().text()),
							names(o.label().easyRead())))
					.toList(),
				item.allowsDontKnow(), item.allowsNotApplicable(),
				item.conditional() ? new Condition(item.shownWhenItem(), item.shownWhenValues()) : null,
				item.minNumber(), item.maxNumber());
	}

	private static ScaleBody scale(Scale scale, InstrumentVersion definition) {
		Item first = definition.item(scale.items().get(0)).orElseThrow();
		return new ScaleBody(scale.code(), names(scale.name()), scale.items(), scale.reversed(), scale.minAnswered(),
				first.lowest(), first.highest());
	}

	private static Map<String, String> names(LocalizedName name) {
		if (name == null) {
			return null;
		}
		Map<String, String> names = new LinkedHashMap<>();
		names.put("kk", name.kk());
		names.put("ru", name.ru());
		names.put("en", name.en());
		return names;
	}

}
