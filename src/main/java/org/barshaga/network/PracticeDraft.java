package org.barshaga.network;

import java.util.Set;

import org.barshaga.learner.SenCategory;

/** A practice as its author writes it; the language is the one it is written in. */
record PracticeDraft(String language, String title, String problem, Set<BarrierGroup> barriers,
		Set<SenCategory> categories, String whatDone, String forWhom, String staffNeeded, String timeNeeded,
		String costNeeded, String materials, String results) {

	/** The text the search reads. */
	String searchText() {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { title, problem, whatDone, forWhom, staffNeeded, timeNeeded, costNeeded,
				materials, results }) {
			if (part != null) {
				text.append(part).append('\n');
			}
		}
		return text.toString();
	}

}
