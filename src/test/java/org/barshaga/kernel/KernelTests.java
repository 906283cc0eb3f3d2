package org.barshaga.kernel;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelTests {

	@Test
	void aScopeContainsItsSubtreeOnly() {
		DataScope district = new DataScope("/KZ/KZ-61/KZ-61-D08/");
		assertThat(district.contains("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/")).isTrue();
		assertThat(district.contains("/KZ/KZ-61/KZ-61-D08/")).isTrue();
		assertThat(district.contains("/KZ/KZ-61/KZ-61-D081/")).isFalse();
		assertThat(district.contains("/KZ/KZ-61/")).isFalse();
		assertThat(district.sql("path")).isEqualTo("path LIKE :scopePathPattern ESCAPE '!'");
	}

	@Test
	void aPlaceCodeIsLatinLettersDigitsAndHyphensInCapitals() {
		assertThat(Codes.place(" kz-61-d08-s001 ")).contains("KZ-61-D08-S001");
		assertThat(Codes.place("KATO-123456789-2026")).contains("KATO-123456789-2026");
		for (String bad : new String[] { "z/KZ-75-R01-S001", "KZ-75\u0000", "\u0000", "A", "-KZ", "KZ 61", "КZ-61",
				"\uFB00-1", "KZ\u200B61", "KZ\u202E61", "KZ/", "..", "", null, "A".repeat(41) }) {
			assertThat(Codes.place(bad)).as("%s", bad).isEmpty();
		}
		assertThat(Codes.isPlace("KZ-61")).isTrue();
		assertThat(Codes.isPlace("kz-61")).as("stored codes are in capitals").isFalse();
		assertThat(Codes.isKato("751110000")).isTrue();
		assertThat(Codes.isKato("७५१११००००")).as("digits of another script").isFalse();
		assertThat(Codes.isKato("75111000")).isFalse();
	}

	@Test
	void aScopePatternEscapesLikeWildcards() {
		assertThat(new DataScope("/KZ/A_B%C!/").likePattern()).isEqualTo("/KZ/A!_B!%C!!/%");
	}

	@Test
	void aScopeMustBeAPath() {
		assertThatThrownBy(() -> new DataScope("KZ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DataScope("/KZ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void searchTextFoldsKazakhLettersCaseAndSpaces() {
		assertThat(SearchText.fold("  Сарыағаш   АУДАНЫ ")).isEqualTo("сарыагаш ауданы");
		assertThat(SearchText.fold("Өскемен Ұлы Үй Іле Ңң Һ Ёлка")).isEqualTo("оскемен улы уй иле нн х елка");
		assertThat(SearchText.containsPattern("50%_off")).isEqualTo("%50!%!_off%");
	}

	@Test
	void aLocalizedNameNeedsAllThreeLanguages() {
		LocalizedName name = new LocalizedName(" Астана ", "Астана", "Astana");
		assertThat(name.kk()).isEqualTo("Астана");
		assertThat(name.in(Locale.forLanguageTag("en"))).isEqualTo("Astana");
		assertThat(name.in(Locale.GERMAN)).isEqualTo("Астана");
		assertThatThrownBy(() -> new LocalizedName("Астана", " ", "Astana"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void roleRanksDecideWhoManagesWhom() {
		assertThat(Role.REGION_OFFICER.outranks(Role.DISTRICT_OFFICER)).isTrue();
		assertThat(Role.DISTRICT_OFFICER.outranks(Role.DISTRICT_OFFICER)).isFalse();
		assertThat(Role.RESEARCHER.maintainsRegistry()).isFalse();
		assertThat(Role.MINISTRY.managesUsers()).isFalse();
		assertThat(Role.MINISTRY.readsUsers()).isTrue();
	}

}
