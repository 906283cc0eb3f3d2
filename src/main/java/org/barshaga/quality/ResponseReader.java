package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;

/**
 * Reads a whole response: what the scoring rule takes ({@link AnswerReader}), plus what
 * only a stored response has, the free texts and every option of a multiple-choice item.
 * Every problem is reported together and nothing is accepted while there is one.
 */
final class ResponseReader {

	static final int MAX_TEXT = 2000;

	private static final String FIELD = "answers";

	record Read(Map<String, Answer> answers, Map<String, List<BigDecimal>> choices, Map<String, String> texts) {
	}

	private ResponseReader() {
	}

	static Read read(InstrumentVersion version, Map<String, Object> submitted) {
		if (submitted == null) {
			throw InvalidInputException.of(FIELD, "quality.answer.missing");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Map<String, Object> scored = new LinkedHashMap<>();
		Map<String, List<BigDecimal>> choices = new HashMap<>();
		Map<String, String> texts = new HashMap<>();
		submitted.forEach((code, raw) -> {
			Item item = version.item(code).orElse(null);
			if (item != null && item.type() == ItemType.TEXT && raw instanceof String text) {
				if (text.length() > MAX_TEXT || text.indexOf('\0') >= 0) {
					problems.add(FIELD, "quality.answer.textTooLong", code, MAX_TEXT);
				}
				else if (!text.isBlank()) {
					texts.put(code, text.strip());
				}
			}
			else if (item != null && item.type() == ItemType.MULTIPLE && raw instanceof List<?> chosen) {
				List<BigDecimal> values = new ArrayList<>();
				for (Object one : chosen) {
					BigDecimal value = one instanceof Number number ? new BigDecimal(number.toString()) : null;
					if (value == null || !item.offers(value)) {
						problems.add(FIELD, "quality.answer.offScale", code, String.valueOf(one),
								item.options()
									.stream()
									.map(o -> o.value().toPlainString())
									.reduce((a, b) -> a + ", " + b)
									.orElse(""));
					}
					else if (!values.contains(value)) {
						values.add(value);
					}
				}
				if (!values.isEmpty()) {
					choices.put(code, values);
					scored.put(code, values.get(0));
				}
			}
			else {
				scored.put(code, raw);
			}
		});
		Map<String, Answer> answers = null;
		try {
			answers = AnswerReader.read(version, scored);
		}
		catch (InvalidInputException invalid) {
			invalid.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
		}
		for (String code : answers == null ? List.<String>of() : texts.keySet()) {
			Item item = version.item(code).orElseThrow();
			if (item.conditional() && !AnswerReader.shown(item, answers)) {
				problems.add(FIELD, "quality.answer.hidden", code, item.shownWhenItem());
			}
		}
		problems.throwIfAny();
		return new Read(answers, choices, texts);
	}

}
