package org.barshaga.network;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A suffix-stripping stemmer for Kazakh nouns and adjectives, written for the search of
 * the bank of practical solutions. Kazakh is agglutinative: a word takes a plural, then a
 * possessive, then a case ending ("мектеп-тер-і-нде", in their schools), each in the
 * variant vowel harmony and the last sound choose. The stemmer strips the endings from
 * the right, the longest that matches first, again and again, as long as what remains
 * keeps at least {@value #MIN_STEM} letters and a vowel; then it undoes the voicing a
 * vowel ending causes at the end of the stem (мектеб-і → мектеп, кітаб-ы → кітап).
 * Derivational suffixes (-лық, -шы, -сыз) and verb endings are left alone: they make
 * another word. See docs/support-network.md, "Search".
 */
final class KazakhStemmer {

	/** The fewest letters a stem keeps, so short roots (ана, мен, оның) stay whole. */
	static final int MIN_STEM = 3;

	private static final int MAX_ROUNDS = 5;

	private static final String VOWELS = "аәеёиоөұүыіэюя";

	/** Every ending, longest first. */
	private static final List<String> ENDINGS = Stream.of(
			// possessive plus case, and the locative-attributive
			"ымыз", "іміз", "ыңыз", "іңіз", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
			// plural
			"лар", "лер", "дар", "дер", "тар", "тер",
			// genitive
			"ның", "нің", "дың", "дің", "тың", "тің",
			// ablative
			"дан", "ден", "тан", "тен", "нан", "нен",
			// locative after a possessive
			"нда", "нде",
			// instrumental
			"мен", "бен", "пен",
			// dative
			"ға", "ге", "қа", "ке", "на", "не",
			// locative
			"да", "де", "та", "те",
			// accusative
			"ды", "ді", "ты", "ті", "ны", "ні",
			// possessives, and the accusative after them
			"сы", "сі", "ым", "ім", "ың", "ің", "ын", "ін", "ы", "і")
		.sorted(Comparator.comparingInt(String::length).reversed())
		.toList();

	private KazakhStemmer() {
	}

	/**
	 * The stem of a lower-case word; a word without a Kazakh ending comes back as it is.
	 */
	static String stem(String word) {
		String stem = word;
		boolean stripped = false;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			String next = stripOnce(stem);
			if (next == null) {
				break;
			}
			stem = next;
			stripped = true;
		}
		return stripped ? unvoice(stem) : stem;
	}

	private static String stripOnce(String word) {
		for (String ending : ENDINGS) {
			if (word.endsWith(ending)) {
				String rest = word.substring(0, word.length() - ending.length());
				if (rest.length() >= MIN_STEM && hasVowel(rest)) {
					return rest;
				}
			}
		}
		return null;
	}

	/**
	 * A voiced final consonant before a vowel ending is the voiceless one of the root.
	 */
	private static String unvoice(String stem) {
		char last = stem.charAt(stem.length() - 1);
		char plain = switch (last) {
			case 'б' -> 'п';
			case 'г' -> 'к';
			case 'ғ' -> 'қ';
			default -> last;
		};
		return stem.substring(0, stem.length() - 1) + plain;
	}

	private static boolean hasVowel(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (VOWELS.indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

}
