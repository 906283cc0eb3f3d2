package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;

/**
 * What a register adds to the exchange: its layout, how its rows are written and read.
 */
interface RegisterHandler {

	Layout layout();

	/** A writer for one import, with what the rows refer to loaded inside the scope. */
	RowWriter writer(ImportContext context);

	/** Every row of the register inside the actor's scope, in layout order, as text. */
	void export(Actor actor, ExportRows rows);

	interface RowWriter {

		/**
		 * What is written for the row, or null after adding why it is rejected
		 * (references, scope, rules across columns).
		 */
		Object resolve(ParsedRow row, List<Rejection> problems);

		/**
		 * Writes resolved rows on the import's own connection, inside its transaction.
		 */
		void write(Connection connection, List<Object> rows) throws SQLException;

		/**
		 * Runs once after the last batch, in the same transaction as the rows of an
		 * all-or-nothing import (after the last committed batch otherwise).
		 */
		default void finish(Connection connection) throws SQLException {
		}

	}

}
