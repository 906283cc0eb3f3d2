package org.barshaga.quality;

import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * Items whose answers are summarised in one score. {@code reversed} lists the items
 * worded against the scale's direction; {@code minAnswered} is how many items must be
 * answered for the scale to be valid.
 */
public record Scale(String code, LocalizedName name, List<String> items, List<String> reversed, int minAnswered) {

	public Scale {
		items = List.copyOf(items);
		reversed = List.copyOf(reversed);
	}

	/** The default minimum: the smallest whole number at or above 80% of the items. */
	public static int defaultMinimum(int itemCount) {
		return (4 * itemCount + 4) / 5;
	}

	public boolean isReversed(String item) {
		return reversed.contains(item);
	}

}
