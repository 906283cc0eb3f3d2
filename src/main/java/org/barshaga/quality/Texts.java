package org.barshaga.quality;

import java.util.Locale;

import org.barshaga.kernel.LocalizedName;

/**
 * A text in the three languages, with its easy-read version where the instrument has one
 * ({@code easyRead} is null otherwise).
 */
public record Texts(LocalizedName text, LocalizedName easyRead) {

	public Texts {
		if (text == null) {
			throw new IllegalArgumentException("A text is required");
		}
	}

	public String in(Locale locale) {
		return text.in(locale);
	}

	/** The easy-read text in the language, or the ordinary one where there is none. */
	public String easyIn(Locale locale) {
		return easyRead == null ? text.in(locale) : easyRead.in(locale);
	}

}
