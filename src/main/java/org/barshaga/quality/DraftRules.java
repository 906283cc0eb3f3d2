package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.barshaga.kernel.InvalidInputException;

/**
 * What makes a version well formed, checked before a draft is stored: the problems are
 * reported together, and nothing is stored while there is one.
 */
final class DraftRules {

	private static final String FIELD = "definition";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private DraftRules() {
	}

	static void check(InstrumentVersion draft) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		code(draft.code(), problems);
		if (draft.version() < 1) {
			problems.add("version", "quality.draft.version");
		}
		boolean easy = draft.respondent().needsEasyRead();
		if (easy && draft.intro().easyRead() == null) {
			problems.add(FIELD, "quality.draft.easyRead", draft.code());
		}
		if (draft.sections().isEmpty()) {
			problems.add(FIELD, "quality.draft.empty", draft.code());
		}
		Set<String> sections = new HashSet<>();
		Map<String, Item> earlier = new HashMap<>();
		for (Section section : draft.sections()) {
			code(section.code(), problems);
			if (!sections.add(section.code())) {
				problems.add(FIELD, "quality.draft.duplicate", section.code());
			}
			if (section.items().isEmpty()) {
				problems.add(FIELD, "quality.draft.empty", section.code());
			}
			if (easy && section.title().easyRead() == null) {
				problems.add(FIELD, "quality.draft.easyRead", section.code());
			}
			for (Item item : section.items()) {
				item(item, earlier, easy, problems);
				if (earlier.put(item.code(), item) != null) {
					problems.add(FIELD, "quality.draft.duplicate", item.code());
				}
			}
		}
		Set<String> scales = new HashSet<>();
		for (Scale scale : draft.scales()) {
			code(scale.code(), problems);
			if (!scales.add(scale.code())) {
				problems.add(FIELD, "quality.draft.duplicate", scale.code());
			}
			scale(scale, earlier, problems);
		}
		problems.throwIfAny();
	}

	private static void code(String code, InvalidInputException.Collector problems) {
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(FIELD, "quality.draft.code", String.valueOf(code));
		}
	}

	private static void item(Item item, Map<String, Item> earlier, boolean easy,
			InvalidInputException.Collector problems) {
		code(item.code(), problems);
		int options = item.options().size();
		boolean shaped = switch (item.type()) {
			case LIKERT -> options >= 4 && options <= 6;
			case YES_NO -> options == 2;
			case SINGLE, MULTIPLE -> options >= 2;
			case NUMBER, TEXT -> options == 0;
		};
		if (!shaped) {
			problems.add(FIELD, "quality.draft.options", item.code());
		}
		if (item.options().stream().map(Option::value).distinct().count() != options) {
			problems.add(FIELD, "quality.draft.duplicate", item.code());
		}
		if (item.minNumber() != null && item.maxNumber() != null && item.minNumber().compareTo(item.maxNumber()) > 0) {
			problems.add(FIELD, "quality.draft.bounds", item.code());
		}
		if (easy && (item.text().easyRead() == null
				|| item.options().stream().anyMatch(o -> o.label().easyRead() == null))) {
			problems.add(FIELD, "quality.draft.easyRead", item.code());
		}
		if (item.conditional()) {
			Item source = earlier.get(item.shownWhenItem());
			if (source == null || !source.type().hasOptions() || item.shownWhenValues().isEmpty()
					|| !item.shownWhenValues().stream().allMatch(source::offers)) {
				problems.add(FIELD, "quality.draft.condition", item.code(), item.shownWhenItem());
			}
		}
	}

	private static void scale(Scale scale, Map<String, Item> items, InvalidInputException.Collector problems) {
		if (scale.items().isEmpty() || scale.items().stream().distinct().count() != scale.items().size()
				|| !scale.items().containsAll(scale.reversed())) {
			problems.add(FIELD, "quality.draft.scaleItems", scale.code());
			return;
		}
		BigDecimal lowest = null;
		BigDecimal highest = null;
		for (String code : scale.items()) {
			Item item = items.get(code);
			if (item == null || !item.type().scorable() || item.conditional()) {
				problems.add(FIELD, "quality.draft.scaleItem", scale.code(), code);
				continue;
			}
			if (lowest == null) {
				lowest = item.lowest();
				highest = item.highest();
			}
			else if (lowest.compareTo(item.lowest()) != 0 || highest.compareTo(item.highest()) != 0) {
				problems.add(FIELD, "quality.draft.scaleRange", scale.code(), code);
			}
		}
		if (scale.minAnswered() < 1 || scale.minAnswered() > scale.items().size()) {
			problems.add(FIELD, "quality.draft.minimum", scale.code(), scale.items().size());
		}
	}

}
