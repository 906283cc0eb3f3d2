package org.barshaga.reconcile;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;

/**
 * Names brought to one comparable form, whatever script and spelling a register used:
 * Cyrillic with or without the Kazakh letters, the passport romanisation (ж zh, х kh, ш
 * sh) and the Kazakh Latin alphabets of 2017 (apostrophes), 2018 (acute accents) and 2021
 * (ä, ğ, q, ñ, ö, ū, ü, ı, ş) all end as the same lower-case ASCII letters.
 * <p>
 * The Cyrillic and Kazakh Latin tables are written out here because the national extract
 * has millions of names and a table lookup is a hundred times faster than a general
 * transliterator; a name in any other script is handed to ICU's {@code Any-Latin;
 * Latin-ASCII} transliterator, and the result goes through the same table.
 */
final class NameForms {

	private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";

	private static final String[] CYRILLIC_TO = { "a", "b", "v", "g", "d", "e", "e", "j", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "", "e", "iu", "ia", "a", "g",
			"k", "n", "o", "u", "u", "i", "h" };

	/** Letters of the Kazakh Latin alphabets and common diacritics, to plain letters. */
	private static final String LATIN_MARKED = "äáàâãåğǵıíìîñńöóòôõūúùûüýşśçćčžźżwqx";

	private static final String[] LATIN_MARKED_TO = { "a", "a", "a", "a", "a", "a", "g", "g", "i", "i", "i", "i", "n",
			"n", "o", "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "sh", "sh", "ch", "ch", "ch", "j", "z", "z",
			"v", "k", "ks" };

	private static final String[] PATRONYMIC_ENDINGS = { "ovich", "evich", "ovna", "evna", "ichna", "ich", "kyzy",
			"kizi", "kyz", "uuly", "uly", "uli", "ul" };

	private static final String[] SURNAME_ENDINGS = { "skaia", "skaya", "skii", "skiy", "ski", "kyzy", "kizi", "uly",
			"uli", "ova", "eva", "ina", "yna" };

	private static final String[] SURNAME_STEMS = { "sk", "sk", "sk", "sk", "sk", "", "", "", "", "ov", "ev", "in",
			"yn" };

	private static volatile Transliterator anyLatin;

	private NameForms() {
	}

	/**
	 * The name in lower-case ASCII letters only, without spaces, hyphens or apostrophes;
	 * an empty string for a missing name.
	 */
	static String canonical(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(name.length() + 4);
		boolean foreign = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == 'İ') {
				out.append('i');
				continue;
			}
			char lower = Character.toLowerCase(c);
			if (lower >= 'a' && lower <= 'z' && lower != 'w' && lower != 'q' && lower != 'x') {
				out.append(lower);
				continue;
			}
			int at = CYRILLIC.indexOf(lower);
			if (at >= 0) {
				out.append(CYRILLIC_TO[at]);
				continue;
			}
			at = LATIN_MARKED.indexOf(lower);
			if (at >= 0) {
				out.append(LATIN_MARKED_TO[at]);
				continue;
			}
			if (isApostrophe(c) && !out.isEmpty()) {
				// the 2017 alphabet: S' is ш, C' is ч, Y' is у; after a vowel the mark
				// only
				// says the Kazakh vowel (a' is ә), which the folding drops anyway
				char before = out.charAt(out.length() - 1);
				if (before == 's' || before == 'c') {
					out.append('h');
				}
				else if (before == 'y') {
					out.setCharAt(out.length() - 1, 'u');
				}
				continue;
			}
			if (Character.isLetter(c)) {
				foreign = true;
			}
			// spaces, hyphens, apostrophes, dots and combining marks carry no sound
		}
		if (foreign) {
			return canonicalOfAscii(transliterator().transliterate(name));
		}
		return latinDigraphs(out);
	}

	private static String canonicalOfAscii(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char lower = Character.toLowerCase(decomposed.charAt(i));
			if (lower >= 'a' && lower <= 'z') {
				int at = LATIN_MARKED.indexOf(lower);
				out.append(at >= 0 ? LATIN_MARKED_TO[at] : String.valueOf(lower));
			}
		}
		return latinDigraphs(out);
	}

	/**
	 * The passport digraphs to the letters the Cyrillic table gives: zh to j, kh to h,
	 * shch to sh, and ya, yu to ia, iu. A doubled sh (щ in the 2021 alphabet) is one.
	 */
	private static String latinDigraphs(StringBuilder s) {
		StringBuilder out = new StringBuilder(s.length());
		int n = s.length();
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			char next = i + 1 < n ? s.charAt(i + 1) : 0;
			if (c == 'z' && next == 'h') {
				out.append('j');
				i++;
			}
			else if (c == 'k' && next == 'h') {
				out.append('h');
				i++;
			}
			else if (c == 's' && next == 'h') {
				out.append("sh");
				i++;
				if (i + 2 < n && s.charAt(i + 1) == 'c' && s.charAt(i + 2) == 'h') {
					i += 2;
				}
				else if (i + 2 < n && s.charAt(i + 1) == 's' && s.charAt(i + 2) == 'h') {
					i += 2;
				}
			}
			else if (c == 'y' && (next == 'a' || next == 'u')) {
				out.append('i');
			}
			else if (c == 'i' && next == 'o' && i > 0 && isConsonant(s.charAt(i - 1))) {
				// ё is e in the passport style and io in the 2021 alphabet: Fiodorov,
				// Fedorov
				out.append('e');
				i++;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '`';
	}

	private static boolean isConsonant(char c) {
		return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
	}

	/**
	 * The canonical patronymic without its suffix: Russian -ovich, -ovna, Kazakh -uly,
	 * -kyzy, so that Серікұлы, Серикович and Serik uly share the stem serik.
	 */
	static String patronymicStem(String canonical) {
		return strip(canonical, PATRONYMIC_ENDINGS, null);
	}

	/**
	 * The canonical surname with the feminine or Kazakh ending taken back to the stem, so
	 * that Абенова and Абенов, or Бекұлы and Бекқызы, agree.
	 */
	static String surnameStem(String canonical) {
		return strip(canonical, SURNAME_ENDINGS, SURNAME_STEMS);
	}

	private static String strip(String canonical, String[] endings, String[] replacements) {
		for (int i = 0; i < endings.length; i++) {
			String ending = endings[i];
			if (canonical.length() - ending.length() >= 3 && canonical.endsWith(ending)) {
				String stem = canonical.substring(0, canonical.length() - ending.length());
				return replacements == null ? stem : stem + replacements[i];
			}
		}
		return canonical;
	}

	/**
	 * A coarse sound key for blocking: the first letter's class and the next consonants'
	 * classes, vowels dropped and repeats merged, at most four symbols packed in 20 bits.
	 * Letters that typing and handwriting confuse (б п, д т, в ф, с з, г к х) share a
	 * class.
	 */
	static int soundKey(String stem) {
		int key = 0;
		int symbols = 0;
		int last = -1;
		for (int i = 0; i < stem.length() && symbols < 4; i++) {
			int cls = soundClass(stem.charAt(i));
			if (cls == 0) {
				if (i == 0) {
					key = 31;
					symbols = 1;
				}
				last = 0;
				continue;
			}
			if (cls != last) {
				key = (key << 5) | cls;
				symbols++;
			}
			last = cls;
		}
		return key;
	}

	private static int soundClass(char c) {
		return switch (c) {
			case 'a', 'e', 'i', 'o', 'u', 'y' -> 0;
			case 'b', 'p' -> 1;
			case 'd', 't' -> 2;
			case 'v', 'f' -> 3;
			case 's', 'z', 'c' -> 4;
			case 'g', 'k', 'h' -> 5;
			case 'j' -> 6;
			case 'l' -> 7;
			case 'm' -> 8;
			case 'n' -> 9;
			case 'r' -> 10;
			default -> 11;
		};
	}

	private static Transliterator transliterator() {
		Transliterator t = anyLatin;
		if (t == null) {
			t = Transliterator.getInstance("Any-Latin; Latin-ASCII");
			anyLatin = t;
		}
		return t;
	}

}
