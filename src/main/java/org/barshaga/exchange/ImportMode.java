package org.barshaga.exchange;

import java.util.Locale;
import java.util.Optional;

/** Whether one bad row stops the whole file or only itself. */
public enum ImportMode {

	/** Nothing is committed if any row is rejected. */
	ALL_OR_NOTHING,

	/** The valid rows are committed in batches; the rejected ones are reported. */
	VALID_ROWS;

	public String option() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static Optional<ImportMode> fromOption(String text) {
		for (ImportMode mode : values()) {
			if (mode.option().equalsIgnoreCase(text == null ? "" : text.strip())
					|| mode.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

}
