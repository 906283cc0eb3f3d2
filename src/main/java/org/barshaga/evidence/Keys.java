package org.barshaga.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys duplicates are found by. A DOI is case-insensitive and written with or without
 * its resolver; a title is compared by its letters and digits only, without accents,
 * case, punctuation or spacing, in any script.
 */
final class Keys {

	private static final Pattern DOI_PREFIX = Pattern
		.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi\\.org/|doi:\\s*|doi\\s+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DOI = Pattern.compile("10\\.\\d{3,9}/\\S+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Keys() {
	}

	/** The DOI as compared, or null when the text is not a DOI. */
	static String doi(String doi) {
		if (doi == null || doi.isBlank()) {
			return null;
		}
		String key = DOI_PREFIX.matcher(doi.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
		while (key.endsWith(".") || key.endsWith(",") || key.endsWith(";")) {
			key = key.substring(0, key.length() - 1);
		}
		return DOI.matcher(key).matches() ? key : null;
	}

	static String title(String title) {
		String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
		return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

}
