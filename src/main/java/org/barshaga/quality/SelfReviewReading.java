package org.barshaga.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * The reading aid of a school's self-review: for each dimension, the figures that can
 * back or contradict it. A dimension <em>claims</em> inclusion when its score is at least
 * {@link #CLAIM} (the agreeing side of the 4-point scale: a mean of 2.5 or more); a
 * figure <em>meets</em> its bar or falls short. The figure backs the self-review when
 * both say the same (claims and meets, or does not claim and falls short) and contradicts
 * it otherwise. Nothing is weighed or summed: each figure is shown with its bar.
 */
final class SelfReviewReading {

	/** The score from which a dimension says "we do this". */
	static final double CLAIM = 50;

	/**
	 * The share of recommended hours, or of learners with recommended services, below
	 * which delivery falls short.
	 */
	static final BigDecimal DELIVERED = new BigDecimal("0.8");

	private SelfReviewReading() {
	}

	enum Reading {

		BACKS, CONTRADICTS, NO_DATA

	}

	/**
	 * What a figure is: the criteria set a school meets or not, its specialist gap, the
	 * support delivered to its learners, or a scale its parents or pupils answered (shown
	 * only with at least {@link Results#THRESHOLD} valid responses).
	 */
	enum Kind {

		CRITERIA, SPECIALIST_GAP, SUPPORT_HOURS, SUPPORT_COVERAGE, VOICE, VOICE_HIDDEN

	}

	/**
	 * One figure beside a dimension. {@code subject} names the criteria set or scale
	 * (null otherwise); {@code figures} are plain numbers for the message of its kind;
	 * {@code meets} is null when there is nothing to measure.
	 */
	record Evidence(Kind kind, String code, LocalizedName subject, List<String> figures, Boolean meets,
			Reading reading) {
	}

	static Evidence evidence(Kind kind, String code, LocalizedName subject, List<String> figures, Boolean meets,
			Double score) {
		return new Evidence(kind, code, subject, figures, meets, reading(score, meets));
	}

	static Reading reading(Double score, Boolean meets) {
		if (score == null || meets == null) {
			return Reading.NO_DATA;
		}
		return (score >= CLAIM) == meets ? Reading.BACKS : Reading.CONTRADICTS;
	}

	/**
	 * Whether {@code part} is at least {@link #DELIVERED} of {@code whole}; none of 0.
	 */
	static Boolean delivered(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.compareTo(whole.multiply(DELIVERED)) >= 0;
	}

	/** {@code part} as a percentage of {@code whole}, to one decimal; "–" of 0. */
	static String percent(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return "–";
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString();
	}

	static String plain(BigDecimal number) {
		return number == null ? "–" : number.stripTrailingZeros().toPlainString();
	}

	/** A score to one decimal, half up, as every quality page shows it. */
	static String one(Double score) {
		return score == null ? null : BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

}
