package org.barshaga.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What people type, fed whatever the fuzzer makes: the IIN, names, codes of places and
 * the values of a form. A value may be refused ({@link InvalidInputException}, or a
 * problem the caller shows); anything else thrown, a hang or running out of memory is a
 * finding, and so is a value accepted that breaks the rule it was checked against.
 * Replayed from the inputs under {@code src/test/resources} in every build; fuzzed with
 * {@code JAZZER_FUZZ=1} (docs/testing.md).
 */
class InputFuzzTests {

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void iinParser(String input) {
		String iin = Iin.normalise(input);
		if (iin == null) {
			return;
		}
		if (Iin.isValid(iin)) {
			LocalDate birth = Iin.birthDate(iin);
			Sex sex = Iin.sex(iin);
			assertThat(birth).isNotNull();
			assertThat(sex).isNotNull();
			assertThat(Iin.problem(iin)).isEmpty();
		}
		else {
			assertThat(Iin.problem(iin)).isPresent();
		}
		for (String correction : Iin.corrections(iin)) {
			assertThat(Iin.isValid(correction)).as("a suggested correction is valid").isTrue();
		}
	}

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void namesAndCodes(String input) {
		String name = PersonNames.normalised(input);
		if (PersonNames.problem(input).isEmpty() && name != null) {
			assertThat(PersonNames.hiddenCharacter(name)).as("an accepted name hides no character").isEmpty();
		}
		Codes.place(input)
			.ifPresent(code -> assertThat(Codes.isPlace(code)).as("an accepted code is stored valid").isTrue());
		SearchText.containsPattern(input);
		SearchText.fold(input);
	}

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void formValues(FuzzedDataProvider data) {
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (String field : new String[] { "text", "date", "number", "decimal", "flag", "sex", "sexes", "group.a" }) {
			int count = data.consumeInt(0, 3);
			for (int i = 0; i < count; i++) {
				fields.add(field, data.consumeString(40));
			}
		}
		FormValues values = new FormValues(fields);
		values.text("text");
		values.date("date");
		values.id("number");
		BigDecimal decimal = values.decimal("decimal");
		if (decimal != null) {
			// what a draft does with it: compared with bounds and kept to two places
			decimal.compareTo(BigDecimal.TEN);
			decimal.setScale(2, RoundingMode.HALF_UP);
		}
		values.bool("flag");
		values.code(Sex.class, "sex");
		values.codes(Sex.class, "sexes");
		values.group("group");
		try {
			values.throwIfAny();
		}
		catch (InvalidInputException refused) {
			assertThat(refused.problems()).as("a refusal names what is wrong").isNotEmpty();
		}
	}

}
