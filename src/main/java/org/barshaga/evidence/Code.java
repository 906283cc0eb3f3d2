package org.barshaga.evidence;

import org.barshaga.kernel.LocalizedName;

/**
 * One code of a codebook. A claim carries the strength of its evidence and the reasoning
 * for it; the other dimensions carry neither.
 */
public record Code(long id, Dimension dimension, String code, int position, LocalizedName name, Strength strength,
		LocalizedName reasoning) {
}
