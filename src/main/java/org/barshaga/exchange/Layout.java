package org.barshaga.exchange;

import java.util.List;
import java.util.stream.Collectors;

/** The columns of a register's files and the natural key that identifies a row. */
record Layout(Register register, List<Column> columns, List<String> key) {

	boolean has(String name) {
		return columns.stream().anyMatch(c -> c.name().equals(name));
	}

	int index(String name) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No column " + name + " in " + register);
	}

	String headerLine() {
		return columns.stream().map(Column::name).collect(Collectors.joining(","));
	}

	/** The layout as a user reads it in an error: required columns marked with *. */
	String describe() {
		return columns.stream().map(c -> c.required() ? c.name() + "*" : c.name()).collect(Collectors.joining(", "));
	}

}
