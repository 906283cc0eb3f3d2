package org.barshaga.quality;

import java.util.List;

/** A titled group of items, in the order they are asked. */
public record Section(String code, Texts title, List<Item> items) {

	public Section {
		items = List.copyOf(items);
	}

}
