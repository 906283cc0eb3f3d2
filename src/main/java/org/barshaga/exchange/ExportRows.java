package org.barshaga.exchange;

import java.util.function.Consumer;

/**
 * Where a register's export puts its rows. A row about a child names the child as well,
 * so that the export is audited against every child it held.
 */
interface ExportRows extends Consumer<String[]> {

	/** Whose health fields the file may hold: the others' are left blank or out. */
	HealthSight health();

	/**
	 * Notes the child (a learner id, a health record id, an IIN) the next row is about.
	 */
	void held(Object subject);

	default void accept(Object subject, String[] fields) {
		held(subject);
		accept(fields);
	}

}
