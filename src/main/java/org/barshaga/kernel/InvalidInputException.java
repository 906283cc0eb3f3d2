package org.barshaga.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Input that breaks a rule. Each problem names the field and a message key (with
 * arguments) so that the web layer can say what is wrong in the user's language.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidInputException(List<Problem> problems) {
		super(problems.toString());
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("An invalid input has at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String messageKey, Object... arguments) {
		return new InvalidInputException(List.of(new Problem(field, messageKey, List.of(arguments))));
	}

	public List<Problem> problems() {
		return problems;
	}

	public record Problem(String field, String messageKey, List<Object> arguments) {
	}

	/**
	 * Collects problems and throws them together, so a form shows every mistake at once.
	 */
	public static final class Collector {

		private final List<Problem> problems = new ArrayList<>();

		public Collector add(String field, String messageKey, Object... arguments) {
			problems.add(new Problem(field, messageKey, List.of(arguments)));
			return this;
		}

		public boolean has(String field) {
			return problems.stream().anyMatch(p -> p.field().equals(field));
		}

		public void throwIfAny() {
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
		}

	}

}
