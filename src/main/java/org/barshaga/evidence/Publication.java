package org.barshaga.evidence;

/**
 * A publication of the bank. {@code doiKey} and {@code titleKey} are the forms duplicates
 * are compared in ({@link Keys}).
 */
public record Publication(long id, String doi, String doiKey, String title, String titleKey, int year, String authors,
		String journal, String language, String abstractText) {

	/** "First author et al. (year)", as a table cites a publication. */
	public String citation() {
		if (authors == null || authors.isBlank()) {
			return title + " (" + year + ")";
		}
		String[] names = authors.split(";\\s*");
		String first = names[0].strip();
		return (names.length > 1 ? first + " et al." : first) + " (" + year + ")";
	}

}
