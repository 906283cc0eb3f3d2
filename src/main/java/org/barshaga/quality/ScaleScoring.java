package org.barshaga.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scoring rule of the quality instruments, and nothing else:
 * <ul>
 * <li>an item is answered when it has a value ("don't know" and "not applicable" are not
 * answered);</li>
 * <li>a reversed item's value is lowest + highest − value;</li>
 * <li>the scale is valid when its answered items are at least its minimum;</li>
 * <li>its mean is the arithmetic mean of the answered values, its score (mean − lowest) ÷
 * (highest − lowest) × 100;</li>
 * <li>an invalid scale has neither.</li>
 * </ul>
 * The arithmetic is in {@code double} throughout and nothing is rounded here: rounding is
 * for display only. The answers are taken as already checked against the items.
 */
public final class ScaleScoring {

	private ScaleScoring() {
	}

	/** Every scale of the version, in its order. */
	public static Map<String, ScaleScore> score(InstrumentVersion version, Map<String, Answer> answers) {
		Map<String, ScaleScore> scores = new LinkedHashMap<>();
		for (Scale scale : version.scales()) {
			Item first = version.item(scale.items().get(0)).orElseThrow();
			scores.put(scale.code(),
					score(scale, first.lowest().doubleValue(), first.highest().doubleValue(), answers));
		}
		return scores;
	}

	/** One scale whose items all range from {@code lowest} to {@code highest}. */
	public static ScaleScore score(Scale scale, double lowest, double highest, Map<String, Answer> answers) {
		int answered = 0;
		double sum = 0;
		for (String item : scale.items()) {
			Answer answer = answers.get(item);
			if (answer == null || !answer.hasValue()) {
				continue;
			}
			double value = answer.value().doubleValue();
			sum += scale.isReversed(item) ? lowest + highest - value : value;
			answered++;
		}
		if (answered < scale.minAnswered()) {
			return new ScaleScore(answered, false, null, null);
		}
		double mean = sum / answered;
		double score = (mean - lowest) / (highest - lowest) * 100;
		return new ScaleScore(answered, true, mean, score);
	}

}
