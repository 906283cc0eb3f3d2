package org.barshaga.evidence;

import java.util.List;
import java.util.Locale;

/** The file formats a bibliography is imported from. */
public enum BibliographyFormat {

	RIS, BIBTEX, CSV;

	/**
	 * The format a file's name says, else what its first non-blank character suggests: a
	 * BibTeX file starts with {@code @}, a RIS file with {@code TY  -}.
	 */
	static BibliographyFormat detect(String fileName, String text) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".ris")) {
			return RIS;
		}
		if (name.endsWith(".bib") || name.endsWith(".bibtex")) {
			return BIBTEX;
		}
		if (name.endsWith(".csv")) {
			return CSV;
		}
		String start = text.stripLeading();
		if (start.startsWith("@")) {
			return BIBTEX;
		}
		return start.startsWith("TY  -") ? RIS : CSV;
	}

	List<Entry> read(String text) {
		return switch (this) {
			case RIS -> RisReader.read(text);
			case BIBTEX -> BibtexReader.read(text);
			case CSV -> CsvBibliographyReader.read(text);
		};
	}

}
