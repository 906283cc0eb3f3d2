package org.barshaga.kernel;

import java.io.PrintStream;
import java.util.List;

/**
 * A data job run from the command line with the application jar, such as
 * {@code create-admin}. Features contribute jobs as beans; the launcher picks one by
 * name.
 */
public interface CommandLineJob {

	String name();

	/** One line that tells how to call the job. */
	String usage();

	/** Runs the job and answers the process exit code. */
	int run(List<String> arguments, PrintStream out);

	/**
	 * The value after {@code --name} in the arguments, or null when the option is absent.
	 */
	static String option(List<String> arguments, String name) {
		int at = arguments.indexOf(name);
		return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : null;
	}

}
