package org.barshaga.kernel;

import java.util.Locale;

/** A name in the three languages of the product; none of them may be blank. */
public record LocalizedName(String kk, String ru, String en) {

	public LocalizedName {
		kk = requireText(kk, "kk");
		ru = requireText(ru, "ru");
		en = requireText(en, "en");
	}

	private static String requireText(String value, String language) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Name in '" + language + "' is blank");
		}
		return value.strip();
	}

	public String in(Locale locale) {
		return switch (locale.getLanguage()) {
			case "ru" -> ru;
			case "en" -> en;
			default -> kk;
		};
	}

	@Override
	public String toString() {
		return kk;
	}

}
