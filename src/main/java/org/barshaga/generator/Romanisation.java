package org.barshaga.generator;

/**
 * Names as other registers write them: Kazakh letters folded to their Russian look-alikes
 * (ә to а, қ to к ...), and Latin script in two styles, the passport style (ж zh, ш sh, қ
 * k, х kh) and the 2021 Kazakh Latin alphabet (ж j, ш ş, қ q, ә ä, ң ñ, і ı, и i).
 */
final class Romanisation {

	private static final String FOLD_FROM = "әғқңөұүіһӘҒҚҢӨҰҮІҺ";

	private static final String FOLD_TO = "агкноууихАГКНОУУИХ";

	private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";

	private static final String[] PASSPORT = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia", "a",
			"g", "k", "n", "o", "u", "u", "i", "h" };

	private static final String[] LATIN_2021 = { "a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "ş", "şş", "", "y", "", "e", "iu", "ia", "ä", "ğ",
			"q", "ñ", "ö", "ū", "ü", "ı", "h" };

	private Romanisation() {
	}

	/**
	 * Kazakh letters replaced by the Russian letters that stand for them in Russian
	 * texts.
	 */
	static String fold(String text) {
		if (text == null) {
			return null;
		}
		char[] chars = null;
		for (int i = 0; i < text.length(); i++) {
			int at = FOLD_FROM.indexOf(text.charAt(i));
			if (at >= 0) {
				if (chars == null) {
					chars = text.toCharArray();
				}
				chars[i] = FOLD_TO.charAt(at);
			}
		}
		return chars == null ? text : new String(chars);
	}

	static String passport(String text) {
		return latin(text, PASSPORT, false);
	}

	static String latin2021(String text) {
		return latin(text, LATIN_2021, true);
	}

	private static String latin(String text, String[] table, boolean dottedCapitals) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char lower = Character.toLowerCase(c);
			int at = LETTERS.indexOf(lower);
			if (at < 0) {
				out.append(c);
				continue;
			}
			String mapped = table[at];
			if (c != lower && !mapped.isEmpty()) {
				// upper case: the Latin 2021 capital of и is İ and of і is I, as in
				// Turkish
				if (dottedCapitals && (lower == 'и' || lower == 'й')) {
					out.append('İ').append(mapped, 1, mapped.length());
				}
				else {
					out.append(Character.toUpperCase(mapped.charAt(0))).append(mapped, 1, mapped.length());
				}
			}
			else {
				out.append(mapped);
			}
		}
		return out.toString();
	}

}
