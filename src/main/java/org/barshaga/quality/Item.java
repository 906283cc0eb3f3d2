package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * One question. It is shown only when {@code shownWhenItem} is null or that earlier
 * item's answer is one of {@code shownWhenValues}. {@code minNumber} and
 * {@code maxNumber} bound a number item's answer (either may be null).
 */
public record Item(String code, ItemType type, Texts text, List<Option> options, boolean allowsDontKnow,
		boolean allowsNotApplicable, String shownWhenItem, List<BigDecimal> shownWhenValues, BigDecimal minNumber,
		BigDecimal maxNumber) {

	public Item {
		options = List.copyOf(options);
		shownWhenValues = shownWhenValues == null ? List.of() : shownWhenValues.stream().map(Item::plain).toList();
		minNumber = plain(minNumber);
		maxNumber = plain(maxNumber);
	}

	/**
	 * A number without trailing zeros and without an exponent (10, not 1E+1 or 10.000).
	 */
	static BigDecimal plain(BigDecimal number) {
		if (number == null) {
			return null;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** The number of points of a Likert item (its options), null for other types. */
	public Integer points() {
		return type == ItemType.LIKERT ? options.size() : null;
	}

	public BigDecimal lowest() {
		return options.stream().map(Option::value).min(Comparator.naturalOrder()).orElse(null);
	}

	public BigDecimal highest() {
		return options.stream().map(Option::value).max(Comparator.naturalOrder()).orElse(null);
	}

	boolean offers(BigDecimal value) {
		return options.stream().anyMatch(o -> o.value().compareTo(value) == 0);
	}

	boolean conditional() {
		return shownWhenItem != null;
	}

}
