package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plausible answers to any instrument version, for the demo round and the benchmark: each
 * item that is always shown gets one of its options, drawn around a group's leaning
 * ({@code lean} from 0, the lowest option, to 1, the highest), sometimes "don't know" or
 * nothing where the item allows it; conditional items, numbers and texts are left out.
 */
final class GeneratedAnswers {

	private GeneratedAnswers() {
	}

	static Map<String, Object> draw(InstrumentVersion version, SplittableRandom random, double lean) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Item item : version.items()) {
			if (item.conditional() || item.options().isEmpty() || item.type() == ItemType.MULTIPLE) {
				continue;
			}
			if (item.allowsDontKnow() && random.nextInt(20) == 0) {
				answers.put(item.code(), AnswerReader.DONT_KNOW);
				continue;
			}
			List<Option> options = item.options().stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
			double position = Math.min(0.999, Math.max(0, lean + (random.nextDouble() - 0.5) * 0.8));
			BigDecimal value = options.get((int) (position * options.size())).value();
			answers.put(item.code(), value);
		}
		return answers;
	}

}
