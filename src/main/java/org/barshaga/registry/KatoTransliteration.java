package org.barshaga.registry;

import java.util.Map;

/**
 * Writes a Kazakh Cyrillic name in the Kazakh Latin alphabet of 2021, to give a unit that
 * the classifier adds an English-script name until someone supplies the official one.
 */
final class KatoTransliteration {

	private static final Map<Character, String> LATIN = Map.ofEntries(Map.entry('а', "a"), Map.entry('ә', "ä"),
			Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('ғ', "ğ"), Map.entry('д', "d"),
			Map.entry('е', "e"), Map.entry('ё', "io"), Map.entry('ж', "j"), Map.entry('з', "z"), Map.entry('и', "i"),
			Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('қ', "q"), Map.entry('л', "l"), Map.entry('м', "m"),
			Map.entry('н', "n"), Map.entry('ң', "ñ"), Map.entry('о', "o"), Map.entry('ө', "ö"), Map.entry('п', "p"),
			Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ұ', "ū"),
			Map.entry('ү', "ü"), Map.entry('ф', "f"), Map.entry('х', "h"), Map.entry('һ', "h"), Map.entry('ц', "ts"),
			Map.entry('ч', "ch"), Map.entry('ш', "ş"), Map.entry('щ', "şş"), Map.entry('ъ', ""), Map.entry('ы', "y"),
			Map.entry('і', "ı"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "iu"), Map.entry('я', "ia"));

	private KatoTransliteration() {
	}

	static String toLatin(String cyrillic) {
		StringBuilder latin = new StringBuilder(cyrillic.length());
		for (int i = 0; i < cyrillic.length(); i++) {
			char c = cyrillic.charAt(i);
			char lower = Character.toLowerCase(c);
			String mapped = LATIN.get(lower);
			if (mapped == null) {
				latin.append(c);
			}
			else if (c != lower && !mapped.isEmpty()) {
				latin.append(Character.toUpperCase(mapped.charAt(0))).append(mapped.substring(1));
			}
			else {
				latin.append(mapped);
			}
		}
		return latin.toString();
	}

}
