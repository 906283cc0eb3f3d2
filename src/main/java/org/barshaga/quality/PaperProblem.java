package org.barshaga.quality;

import java.util.List;

/**
 * One thing wrong in a paper-answers file: the line of the file (0 for the file as a
 * whole), the column (its letter and heading, or null) and the message with its
 * arguments, shown in the reader's language.
 */
public record PaperProblem(int line, String column, String messageKey, List<Object> arguments) {

	public PaperProblem {
		arguments = List.copyOf(arguments);
	}

	static PaperProblem of(int line, String column, String messageKey, Object... arguments) {
		return new PaperProblem(line, column, messageKey, List.of(arguments));
	}

}
