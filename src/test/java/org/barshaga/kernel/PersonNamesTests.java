package org.barshaga.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for people's names on the way in. */
class PersonNamesTests {

	@Test
	void namesAreKeptInNfc() {
		String decomposed = "Серге\u0438\u0306";
		assertThat(PersonNames.normalised(decomposed)).isEqualTo("Сергей");
		assertThat(PersonNames.normalised(null)).isNull();
	}

	@Test
	void ordinaryNamesInAnyOneAlphabetPerWordAreAccepted() {
		for (String name : List.of("Әбенова", "Серікқызы", "Иванов-Петров", "Ayaulym", "Äbenova Ayaulym", "O'Brien",
				"Жанна Өмірзақова", "ABENOVA", "Сергей", "Li Wei", "Ли-Abenov")) {
			assertThat(PersonNames.problem(name)).as(name).isEmpty();
		}
	}

	@Test
	void controlAndInvisibleCharactersAreRefusedWithTheirPlace() {
		for (String name : List.of("Ас\u0000ан", "Асан\u202E", "Ас\u200Bан", "Ас\u200Dан", "А\u00ADсан",
				"Асан\u00A0Бек", "\uFEFFАсан", "Ас\u2028ан", "Асан\u3164", "Ас\u034Fан", "Асан\tБек", "Асан\nБек")) {
			assertThat(PersonNames.problem(name)).as(name)
				.hasValueSatisfying(p -> assertThat(p.messageKey()).isEqualTo("validation.name.invisible"));
		}
		assertThat(PersonNames.problem("Ас\u200Bан").orElseThrow().arguments()).containsExactly(3, "U+200B");
	}

	@Test
	void latinLookAlikesInsideCyrillicWordsAreRefused() {
		// a Latin "a", "o", "e", "c", "p", "x" among Cyrillic letters
		for (String name : List.of("Aсан", "Бoлат", "Ерлaн", "Cерік", "Пётр Иванoв", "Аcан-Бек")) {
			assertThat(PersonNames.problem(name)).as(name)
				.hasValueSatisfying(p -> assertThat(p.messageKey()).isEqualTo("validation.name.mixedScripts"));
		}
		assertThat(PersonNames.problem("Пётр Иванoв").orElseThrow().arguments()).containsExactly("Иванoв");
	}

	@Test
	void checkNamesTheFieldOfEachRefusedName() {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		PersonNames.check(problems, "surname", "Aсан", "givenName", "Бек", "patronymic", null);
		assertThat(problems.has("surname")).isTrue();
		assertThat(problems.has("givenName")).isFalse();
		assertThat(problems.has("patronymic")).isFalse();
	}

}
