package org.barshaga.kernel;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The one rule for a person's name on its way in, by every way in (pages, API, imports).
 * A name is kept in Unicode NFC, so that the same letters typed on different keyboards (a
 * precomposed {@code й} or {@code и} with a combining breve) are the same name for the
 * search, the duplicate checks and reconciliation. A name is refused when it holds a
 * control or invisible character (NUL, a right-to-left override, a zero-width space or
 * joiner, a soft hyphen, a space other than the plain one), which would make two names
 * look alike while being different, or reorder what a reader sees; or when one word of it
 * mixes alphabets (a Latin {@code а} among Cyrillic letters), the usual way to make a
 * name that looks like another one and escapes its duplicate check. A name may be in any
 * one alphabet per word: Cyrillic, Kazakh Latin, or another.
 */
public final class PersonNames {

	/** Why a name is refused: a message key and its arguments. */
	public record Problem(String messageKey, Object[] arguments) {
	}

	private PersonNames() {
	}

	/** The name in NFC; null stays null. */
	public static String normalised(String name) {
		return name == null || Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name
				: Normalizer.normalize(name, Normalizer.Form.NFC);
	}

	/** Why the name is refused, if it is; a blank or missing name is for the caller. */
	public static Optional<Problem> problem(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String text = normalised(name);
		UnicodeScript wordScript = null;
		int wordStart = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (invisible(c)) {
				return Optional.of(new Problem("validation.name.invisible",
						new Object[] { text.codePointCount(0, i) + 1, String.format("U+%04X", c) }));
			}
			if (c == ' ' || Character.getType(c) == Character.DASH_PUNCTUATION) {
				wordScript = null;
				wordStart = i + Character.charCount(c);
			}
			else {
				UnicodeScript script = UnicodeScript.of(c);
				if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
					if (wordScript == null) {
						wordScript = script;
					}
					else if (wordScript != script) {
						return Optional
							.of(new Problem("validation.name.mixedScripts", new Object[] { word(text, wordStart) }));
					}
				}
			}
			i += Character.charCount(c);
		}
		return Optional.empty();
	}

	/**
	 * Why a name from another register is refused, if it is: only for a control or
	 * invisible character, which no register means to hold.
	 */
	public static Optional<Problem> hiddenCharacter(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String text = normalised(name);
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (invisible(c)) {
				return Optional.of(new Problem("validation.name.invisible",
						new Object[] { text.codePointCount(0, i) + 1, String.format("U+%04X", c) }));
			}
			i += Character.charCount(c);
		}
		return Optional.empty();
	}

	/**
	 * Adds to the problems each name that is refused, given as field and value pairs:
	 * {@code check(problems, "surname", surname, "givenName", givenName)}.
	 */
	public static void check(InvalidInputException.Collector problems, String... fieldsAndNames) {
		for (int i = 0; i + 1 < fieldsAndNames.length; i += 2) {
			String field = fieldsAndNames[i];
			problem(fieldsAndNames[i + 1]).ifPresent(p -> problems.add(field, p.messageKey(), p.arguments()));
		}
	}

	private static String word(String text, int start) {
		int end = start;
		while (end < text.length() && text.charAt(end) != ' '
				&& Character.getType(text.charAt(end)) != Character.DASH_PUNCTUATION) {
			end++;
		}
		return text.substring(start, end);
	}

	/**
	 * Controls, format characters (bidirectional overrides, zero-width characters, the
	 * soft hyphen), line and paragraph separators, spaces other than U+0020, private use,
	 * unassigned and lone surrogate code points, and the letters and marks that show
	 * nothing (Hangul fillers, the braille blank, variation selectors, the combining
	 * grapheme joiner).
	 */
	private static boolean invisible(int c) {
		switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE:
				return true;
			case Character.SPACE_SEPARATOR:
				return c != ' ';
			default:
				return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F
						|| (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F)
						|| (c >= 0xE0100 && c <= 0xE01EF);
		}
	}

}
