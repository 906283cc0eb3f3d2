package org.barshaga.exchange;

/**
 * The way a file comes in or goes out, which decides whose rule on health fields applies.
 */
enum Channel {

	/**
	 * The pages and the API: the signed-in user's own rule on children's health fields.
	 */
	WEB,

	/**
	 * The {@code import} and {@code export} jobs, which the installation's operator runs
	 * on the server that already holds the database: every field, since whoever runs them
	 * can read the database itself.
	 */
	COMMAND_LINE

}
