package org.barshaga.quality;

import java.math.BigDecimal;

/**
 * One answer an item offers, with the number it counts as. {@code picture} names the
 * pictogram of a pictorial scale (SAD, NEUTRAL, HAPPY), null elsewhere.
 */
public record Option(BigDecimal value, String picture, Texts label) {

	public Option {
		value = Item.plain(value);
	}

}
