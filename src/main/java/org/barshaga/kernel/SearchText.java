package org.barshaga.kernel;

import java.util.Locale;

/**
 * Folds text for searching, so that a user typing without Kazakh letters ("Saryagash",
 * "Сарыагаш") finds "Сарыағаш": lower case, Kazakh-specific Cyrillic letters folded to
 * their Russian neighbours, {@code ё} to {@code е}, runs of white space to one space.
 */
public final class SearchText {

	private static final String KAZAKH = "әғқңөұүһіё";

	private static final String FOLDED = "агкноуухие";

	private SearchText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String lower = text.toLowerCase(Locale.ROOT).strip();
		StringBuilder folded = new StringBuilder(lower.length());
		boolean lastWasSpace = false;
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (Character.isWhitespace(c)) {
				if (!lastWasSpace) {
					folded.append(' ');
				}
				lastWasSpace = true;
				continue;
			}
			lastWasSpace = false;
			int kazakh = KAZAKH.indexOf(c);
			folded.append(kazakh >= 0 ? FOLDED.charAt(kazakh) : c);
		}
		return folded.toString();
	}

	/**
	 * A LIKE pattern that matches the folded query anywhere, with LIKE wildcards escaped
	 * by '!'.
	 */
	public static String containsPattern(String query) {
		String folded = fold(query).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + folded + "%";
	}

}
