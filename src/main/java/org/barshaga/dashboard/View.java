package org.barshaga.dashboard;

import org.barshaga.kernel.NotFoundException;

/**
 * A place by itself, each place below it, or a place (and the country) over the recent
 * years.
 */
enum View {

	SELF, CHILDREN, TREND;

	static View of(String text) {
		for (View view : values()) {
			if (view.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return view;
			}
		}
		throw new NotFoundException("level", text);
	}

}
