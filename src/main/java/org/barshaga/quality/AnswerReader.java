package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.kernel.InvalidInputException;

/**
 * Reads submitted answers against a version's items: a number, or {@code "DONT_KNOW"} or
 * {@code "NOT_APPLICABLE"}, or null for no answer. Every problem is reported at once, and
 * no answer is accepted while there is one.
 */
final class AnswerReader {

	static final String DONT_KNOW = "DONT_KNOW";

	static final String NOT_APPLICABLE = "NOT_APPLICABLE";

	private static final String FIELD = "answers";

	private AnswerReader() {
	}

	static Map<String, Answer> read(InstrumentVersion version, Map<String, Object> submitted) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (submitted == null) {
			throw InvalidInputException.of(FIELD, "quality.answer.missing");
		}
		Map<String, Answer> answers = new HashMap<>();
		submitted.forEach((code, raw) -> {
			Item item = version.item(code).orElse(null);
			if (item == null) {
				problems.add(FIELD, "quality.answer.unknownItem", code);
			}
			else if (raw != null) {
				Answer answer = answer(item, raw, problems);
				if (answer != null) {
					answers.put(code, answer);
				}
			}
		});
		for (Item item : version.items()) {
			if (item.conditional() && answers.containsKey(item.code()) && !shown(item, answers)) {
				problems.add(FIELD, "quality.answer.hidden", item.code(), item.shownWhenItem());
			}
		}
		problems.throwIfAny();
		return answers;
	}

	static boolean shown(Item item, Map<String, Answer> answers) {
		Answer source = answers.get(item.shownWhenItem());
		return source != null && source.hasValue()
				&& item.shownWhenValues().stream().anyMatch(v -> v.compareTo(source.value()) == 0);
	}

	private static Answer answer(Item item, Object raw, InvalidInputException.Collector problems) {
		if (DONT_KNOW.equals(raw)) {
			if (!item.allowsDontKnow()) {
				problems.add(FIELD, "quality.answer.dontKnowNotAllowed", item.code());
			}
			return Answer.DONT_KNOW;
		}
		if (NOT_APPLICABLE.equals(raw)) {
			if (!item.allowsNotApplicable()) {
				problems.add(FIELD, "quality.answer.notApplicableNotAllowed", item.code());
			}
			return Answer.NOT_APPLICABLE;
		}
		BigDecimal value = raw instanceof Number number ? decimal(number) : null;
		if (value == null) {
			problems.add(FIELD, "quality.answer.notAValue", item.code());
			return null;
		}
		switch (item.type()) {
			case TEXT -> problems.add(FIELD, "quality.answer.text", item.code());
			case NUMBER -> {
				if ((item.minNumber() != null && value.compareTo(item.minNumber()) < 0)
						|| (item.maxNumber() != null && value.compareTo(item.maxNumber()) > 0)) {
					problems.add(FIELD, "quality.answer.outOfRange", item.code(), value.toPlainString(),
							plain(item.minNumber()), plain(item.maxNumber()));
				}
			}
			default -> {
				if (!item.offers(value)) {
					problems.add(FIELD, "quality.answer.offScale", item.code(), value.toPlainString(),
							item.options()
								.stream()
								.map(o -> o.value().toPlainString())
								.collect(Collectors.joining(", ")));
				}
			}
		}
		return Answer.of(value);
	}

	/** The number as written, or null for one that has no decimal form (infinite). */
	private static BigDecimal decimal(Number number) {
		try {
			return new BigDecimal(number.toString());
		}
		catch (NumberFormatException notFinite) {
			return null;
		}
	}

	private static String plain(BigDecimal bound) {
		return bound == null ? "…" : bound.stripTrailingZeros().toPlainString();
	}

}
