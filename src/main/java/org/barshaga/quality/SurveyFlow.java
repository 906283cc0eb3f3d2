package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;

/**
 * The order of the survey's screens: which items are shown for the answers so far, and
 * how a screen's form fields become an answer (a number, "don't know", "not applicable",
 * a text, or the options chosen).
 */
final class SurveyFlow {

	record QuestionView(String code, String type, String text, List<OptionView> options, boolean dontKnow,
			boolean dontKnowChecked, boolean notApplicable, boolean notApplicableChecked, String value, String min,
			String max) {
	}

	record OptionView(String value, String label, String glyph, boolean checked) {
	}

	private SurveyFlow() {
	}

	/** The first item from {@code from} in the direction {@code step} that is shown. */
	static int nextShown(List<Item> items, Map<String, Object> answers, int from, int step) {
		int index = from;
		while (index >= 0 && index < items.size() && !shown(items.get(index), answers)) {
			index += step;
		}
		return index;
	}

	static boolean shown(Item item, Map<String, Object> answers) {
		if (!item.conditional()) {
			return true;
		}
		Object source = answers.get(item.shownWhenItem());
		if (!(source instanceof Number number)) {
			return false;
		}
		BigDecimal value = new BigDecimal(number.toString());
		return item.shownWhenValues().stream().anyMatch(v -> v.compareTo(value) == 0);
	}

	/** Drops the answers of items that the other answers now hide. */
	static void pruneHidden(List<Item> items, Map<String, Object> answers) {
		for (Item item : items) {
			if (!shown(item, answers)) {
				answers.remove(item.code());
			}
		}
	}

	static void put(Item item, List<String> raw, Map<String, Object> answers) {
		List<String> given = raw == null ? List.of() : raw.stream().filter(r -> r != null && !r.isBlank()).toList();
		if (given.isEmpty()) {
			answers.remove(item.code());
			return;
		}
		if (item.type() == ItemType.TEXT) {
			answers.put(item.code(), given.get(0));
			return;
		}
		if (given.contains(AnswerReader.DONT_KNOW) || given.contains(AnswerReader.NOT_APPLICABLE)) {
			answers.put(item.code(), given.get(0));
			return;
		}
		List<BigDecimal> values = new ArrayList<>();
		for (String one : given) {
			try {
				values.add(new BigDecimal(one.strip().replace(',', '.')));
			}
			catch (NumberFormatException notANumber) {
				throw InvalidInputException.of("answers", "quality.answer.notAValue", item.code());
			}
		}
		answers.put(item.code(), item.type() == ItemType.MULTIPLE ? values : values.get(0));
	}

	static QuestionView view(Item item, Object current, boolean easyRead, Locale locale) {
		List<OptionView> options = item.options()
			.stream()
			.map(o -> new OptionView(o.value().toPlainString(),
					easyRead ? o.label().easyIn(locale) : o.label().in(locale), InstrumentPages.glyph(o.picture()),
					chosen(current, o.value())))
			.toList();
		String value = current instanceof String text && item.type() == ItemType.TEXT ? text
				: current instanceof Number number && item.type() == ItemType.NUMBER
						? new BigDecimal(number.toString()).toPlainString() : null;
		return new QuestionView(item.code(), item.type().name(),
				easyRead ? item.text().easyIn(locale) : item.text().in(locale), options, item.allowsDontKnow(),
				AnswerReader.DONT_KNOW.equals(current), item.allowsNotApplicable(),
				AnswerReader.NOT_APPLICABLE.equals(current), value,
				item.minNumber() == null ? null : item.minNumber().toPlainString(),
				item.maxNumber() == null ? null : item.maxNumber().toPlainString());
	}

	private static boolean chosen(Object current, BigDecimal value) {
		if (current instanceof Number number) {
			return new BigDecimal(number.toString()).compareTo(value) == 0;
		}
		if (current instanceof Collection<?> many) {
			return many.stream()
				.anyMatch(m -> m instanceof Number n && new BigDecimal(n.toString()).compareTo(value) == 0);
		}
		return false;
	}

}
