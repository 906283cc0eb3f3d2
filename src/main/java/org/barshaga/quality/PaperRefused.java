package org.barshaga.quality;

import java.util.List;

/** A paper-answers file refused as a whole, with every problem found in it. */
public class PaperRefused extends RuntimeException {

	private final transient List<PaperProblem> problems;

	PaperRefused(List<PaperProblem> problems) {
		super("The paper-answers file has " + problems.size() + " problem(s)");
		this.problems = List.copyOf(problems);
	}

	public List<PaperProblem> problems() {
		return problems;
	}

}
