package org.barshaga.evidence;

import java.util.List;

/**
 * What an import of a bibliography did: how many entries it read and imported, which were
 * duplicates of a publication already in the bank or of an earlier entry of the same
 * file, and what is wrong with each broken entry. In all-or-nothing mode a file with any
 * broken entry imports nothing ({@code committed} is false).
 */
public record ImportReport(BibliographyFormat format, ImportMode mode, int entries, int imported,
		List<Duplicate> duplicates, List<Problem> problems, boolean committed) {

	/**
	 * A broken entry: its number in the file, the line it starts on, and what is wrong.
	 */
	public record Problem(int entry, int line, String messageKey, List<Object> arguments) {
	}

	/**
	 * An entry not imported because the bank (or the file, at an earlier entry) already
	 * holds it: by its DOI, or by its title and year.
	 */
	public record Duplicate(int entry, int line, String title, boolean byDoi, Long existingId, Integer earlierEntry) {
	}

}
