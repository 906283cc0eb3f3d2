package org.barshaga.network;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kazakh stemmer: the forms of a word come to one stem, and short words are not cut
 * into nothing.
 */
class KazakhStemmerTests {

	@Test
	void theFormsOfANounComeToOneStem() {
		assertOneStem("мектеп", "мектеп", "мектепке", "мектепте", "мектептен", "мектептің", "мектебі", "мектептер",
				"мектептерде", "мектебіне", "мектептерінде", "мектептердегі", "мектеппен");
		assertOneStem("бала", "бала", "балалар", "балаларға", "баланың", "балаға", "баламен", "балалардың", "балаларды",
				"баласы", "балаларымыз");
		assertOneStem("кітап", "кітап", "кітабы", "кітаптар", "кітапқа", "кітаптан");
	}

	@Test
	void theVariantsHarmonyChoosesAreStripped() {
		// back and front vowels, voiced and voiceless last sounds
		assertThat(KazakhStemmer.stem("оқушыларға")).isEqualTo(KazakhStemmer.stem("оқушы"));
		assertThat(KazakhStemmer.stem("мұғалімдерге")).isEqualTo(KazakhStemmer.stem("мұғалімнің"));
		assertThat(KazakhStemmer.stem("сыныптарда")).isEqualTo(KazakhStemmer.stem("сыныпта"));
		assertThat(KazakhStemmer.stem("сыныптарда")).isEqualTo("сынып");
		assertThat(KazakhStemmer.stem("көмекті")).isEqualTo("көмек");
		assertThat(KazakhStemmer.stem("көмекке")).isEqualTo("көмек");
		assertThat(KazakhStemmer.stem("пандусты")).isEqualTo("пандус");
	}

	@Test
	void shortWordsAreNotOverStripped() {
		for (String word : List.of("ана", "мен", "оның", "үйде", "су", "ол", "бір", "және", "біз")) {
			assertThat(KazakhStemmer.stem(word)).as(word).isEqualTo(word);
		}
		// what remains keeps three letters and a vowel
		assertThat(KazakhStemmer.stem("анаға")).isEqualTo("ана");
		assertThat(KazakhStemmer.stem("тілдер")).isEqualTo("тіл");
	}

	@Test
	void wordsOfOtherLanguagesPassThrough() {
		assertThat(KazakhStemmer.stem("ramp")).isEqualTo("ramp");
		assertThat(KazakhStemmer.stem("2024")).isEqualTo("2024");
	}

	private static void assertOneStem(String expected, String... forms) {
		for (String form : forms) {
			assertThat(KazakhStemmer.stem(form)).as(form).isEqualTo(expected);
		}
	}

}
