package org.barshaga.kernel;

import java.util.List;

/**
 * One part of what the system holds about a child, for a parent's request: a section key
 * (its title is the message {@code personalData.section.<key>}), its columns (each
 * labelled by {@code personalData.column.<column>}) and its rows. A cell is text, a
 * number, a date, a boolean, a {@link Coded} value (shown with its label in the reader's
 * language) or null.
 */
public record PersonalDataSection(String key, List<String> columns, List<List<Object>> rows) {

	public PersonalDataSection {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

}
