package org.barshaga.quality;

import java.util.List;
import java.util.Map;

import org.barshaga.kernel.LocalizedName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring rule on answer sets worked out by hand. */
class ScaleScoringTests {

	static final LocalizedName NAME = new LocalizedName("Шкала", "Шкала", "Scale");

	/** Five 5-point items, the third reversed, minimum 4 (80% of 5). */
	static final Scale FIVE = new Scale("S", NAME, List.of("A", "B", "C", "D", "E"), List.of("C"), 4);

	static ScaleScore score(Scale scale, Map<String, Answer> answers) {
		return ScaleScoring.score(scale, 1, 5, answers);
	}

	@Test
	void allAnsweredWithAReversedItem() {
		// C = 2 reversed is 1 + 5 - 2 = 4; values 5, 4, 4, 3, 2: sum 18, mean 3.6
		ScaleScore result = score(FIVE,
				Map.of("A", Answer.of(5), "B", Answer.of(4), "C", Answer.of(2), "D", Answer.of(3), "E", Answer.of(2)));
		assertThat(result.answered()).isEqualTo(5);
		assertThat(result.valid()).isTrue();
		assertThat(result.mean()).isCloseTo(3.6, within(1e-12));
		// (3.6 - 1) / (5 - 1) * 100 = 65
		assertThat(result.score()).isCloseTo(65.0, within(1e-12));
	}

	@Test
	void theReversedItemCountsAgainstTheScale() {
		ScaleScore highC = score(FIVE,
				Map.of("A", Answer.of(3), "B", Answer.of(3), "C", Answer.of(5), "D", Answer.of(3), "E", Answer.of(3)));
		ScaleScore lowC = score(FIVE,
				Map.of("A", Answer.of(3), "B", Answer.of(3), "C", Answer.of(1), "D", Answer.of(3), "E", Answer.of(3)));
		// 3,3,1,3,3 -> mean 2.6, score 40; 3,3,5,3,3 -> mean 3.4, score 60
		assertThat(highC.mean()).isCloseTo(2.6, within(1e-12));
		assertThat(highC.score()).isCloseTo(40.0, within(1e-12));
		assertThat(lowC.mean()).isCloseTo(3.4, within(1e-12));
		assertThat(lowC.score()).isCloseTo(60.0, within(1e-12));
	}

	@Test
	void theMinimumAnsweredDecidesValidity() {
		ScaleScore four = score(FIVE,
				Map.of("A", Answer.of(5), "B", Answer.of(5), "D", Answer.of(4), "E", Answer.of(4)));
		assertThat(four.answered()).isEqualTo(4);
		assertThat(four.valid()).isTrue();
		assertThat(four.mean()).isCloseTo(4.5, within(1e-12));
		assertThat(four.score()).isCloseTo(87.5, within(1e-12));

		ScaleScore three = score(FIVE, Map.of("A", Answer.of(5), "B", Answer.of(5), "D", Answer.of(4)));
		assertThat(three).isEqualTo(new ScaleScore(3, false, null, null));
	}

	@Test
	void dontKnowAndNotApplicableAreNotAnswered() {
		ScaleScore result = score(FIVE, Map.of("A", Answer.of(2), "B", Answer.DONT_KNOW, "C", Answer.of(4), "D",
				Answer.NOT_APPLICABLE, "E", Answer.of(2)));
		assertThat(result).isEqualTo(new ScaleScore(3, false, null, null));

		Scale lenient = new Scale("L", NAME, FIVE.items(), FIVE.reversed(), 3);
		ScaleScore counted = score(lenient, Map.of("A", Answer.of(2), "B", Answer.DONT_KNOW, "C", Answer.of(4), "D",
				Answer.NOT_APPLICABLE, "E", Answer.of(2)));
		// A 2, C 4 reversed to 2, E 2: mean 2, score 25; the two non-answers change
		// nothing
		assertThat(counted.answered()).isEqualTo(3);
		assertThat(counted.mean()).isCloseTo(2.0, within(1e-12));
		assertThat(counted.score()).isCloseTo(25.0, within(1e-12));
	}

	@Test
	void noneAnswered() {
		assertThat(score(FIVE, Map.of())).isEqualTo(new ScaleScore(0, false, null, null));
		assertThat(score(FIVE, Map.of("A", Answer.DONT_KNOW, "B", Answer.NOT_APPLICABLE)))
			.isEqualTo(new ScaleScore(0, false, null, null));
	}

	@Test
	void answersOffTheScaleItemsAreIgnored() {
		ScaleScore result = score(FIVE, Map.of("A", Answer.of(1), "B", Answer.of(1), "C", Answer.of(5), "D",
				Answer.of(1), "E", Answer.of(1), "OTHER", Answer.of(5)));
		assertThat(result).isEqualTo(new ScaleScore(5, true, 1.0, 0.0));
	}

	@Test
	void aSixPointScaleStartingAtOneAndAYesNoScaleStartingAtZero() {
		Scale six = new Scale("T", NAME, List.of("A", "B", "C"), List.of(), 3);
		// 6, 5, 4: mean 5, score (5 - 1) / 5 * 100 = 80
		ScaleScore efficacy = ScaleScoring.score(six, 1, 6,
				Map.of("A", Answer.of(6), "B", Answer.of(5), "C", Answer.of(4)));
		assertThat(efficacy.mean()).isCloseTo(5.0, within(1e-12));
		assertThat(efficacy.score()).isCloseTo(80.0, within(1e-12));

		Scale yesNo = new Scale("Y", NAME, List.of("A", "B", "C"), List.of("C"), 2);
		// 1, 0, and C = 1 reversed to 0: mean 1/3, score 33.33...
		ScaleScore result = ScaleScoring.score(yesNo, 0, 1,
				Map.of("A", Answer.of(1), "B", Answer.of(0), "C", Answer.of(1)));
		assertThat(result.mean()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(result.score()).isCloseTo(100.0 / 3, within(1e-12));
	}

	@Test
	void theDefaultMinimumIsTheSmallestWholeNumberAtOrAboveEightyPercent() {
		assertThat(Scale.defaultMinimum(1)).isEqualTo(1);
		assertThat(Scale.defaultMinimum(3)).isEqualTo(3);
		assertThat(Scale.defaultMinimum(4)).isEqualTo(4);
		assertThat(Scale.defaultMinimum(5)).isEqualTo(4);
		assertThat(Scale.defaultMinimum(6)).isEqualTo(5);
		assertThat(Scale.defaultMinimum(10)).isEqualTo(8);
		assertThat(Scale.defaultMinimum(11)).isEqualTo(9);
		assertThat(Scale.defaultMinimum(15)).isEqualTo(12);
	}

}
