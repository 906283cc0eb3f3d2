package org.barshaga.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.barshaga.kernel.Iin.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class IinTests {

	private static final String EXAMPLE = "061211600012";

	private static final int[] FIRST_WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	private static final int[] SECOND_WEIGHTS = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

	// the reference example

	@Test
	void theReferenceExampleIsAValidGirlBornIn2006() {
		assertThat(Iin.isValid(EXAMPLE)).isTrue();
		assertThat(Iin.problem(EXAMPLE)).isEmpty();
		assertThat(Iin.birthDate(EXAMPLE)).isEqualTo(LocalDate.of(2006, 12, 11));
		assertThat(Iin.sex(EXAMPLE)).isEqualTo(Sex.FEMALE);
	}

	@Test
	void theCenturyDigitGivesCenturyAndSex() {
		String[] expectedYears = { "1806", "1806", "1906", "1906", "2006", "2006" };
		for (int centuryDigit = 1; centuryDigit <= 6; centuryDigit++) {
			String iin = withCheckDigit("061211" + centuryDigit + "0001");
			assertThat(Iin.birthDate(iin)).as(iin)
				.isEqualTo(LocalDate.parse(expectedYears[centuryDigit - 1] + "-12-11"));
			assertThat(Iin.sex(iin)).as(iin).isEqualTo((centuryDigit % 2 == 1) ? Sex.MALE : Sex.FEMALE);
		}
	}

	// each problem

	@Test
	void anythingButTwelveAsciiDigitsIsAFormatProblem() {
		assertThat(Iin.problem(null)).contains(Problem.FORMAT);
		assertThat(Iin.problem("")).contains(Problem.FORMAT);
		assertThat(Iin.problem("06121160001")).contains(Problem.FORMAT);
		assertThat(Iin.problem("0612116000120")).contains(Problem.FORMAT);
		assertThat(Iin.problem("06121160001a")).contains(Problem.FORMAT);
		assertThat(Iin.problem("O61211600012")).contains(Problem.FORMAT);
		assertThat(Iin.problem(" 061211600012")).contains(Problem.FORMAT);
		assertThat(Iin.problem("061211-00012")).contains(Problem.FORMAT);
		// digits to Character.isDigit, but not ASCII: Arabic-Indic and full-width
		assertThat(Iin.problem("٠٦١٢١١٦٠٠٠١٢")).contains(Problem.FORMAT);
		assertThat(Iin.problem("０６１２１１６０００１２")).contains(Problem.FORMAT);
		assertThat(Iin.isValid(null)).isFalse();
		assertThat(Iin.isValid("06121160001a")).isFalse();
	}

	@Test
	void aCenturyDigitOf0Or7To9IsACenturyProblem() {
		for (char centuryDigit : new char[] { '0', '7', '8', '9' }) {
			String prefix = "061211" + centuryDigit + "0001";
			for (int check = 0; check <= 9; check++) {
				String iin = prefix + check;
				assertThat(Iin.problem(iin)).as(iin).contains(Problem.CENTURY);
				assertThat(Iin.isValid(iin)).as(iin).isFalse();
			}
		}
	}

	@Test
	void aBirthDateNotOnTheCalendarIsABirthDateProblem() {
		// with a correct check digit, so that only the date is wrong
		assertThat(Iin.problem(withCheckDigit("06023050001"))).as("30 Feb 2006").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("06043150001"))).as("31 Apr 2006").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("01022950001"))).as("29 Feb 2001").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("00022930001"))).as("29 Feb 1900").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("00022910001"))).as("29 Feb 1800").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("06001150001"))).as("month 0").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("06131150001"))).as("month 13").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("06120050001"))).as("day 0").contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withCheckDigit("06123250001"))).as("day 32").contains(Problem.BIRTH_DATE);
	}

	@Test
	void leapDaysAreRealDatesInLeapYears() {
		String leapDay2000 = withCheckDigit("00022950001");
		String leapDay2004 = withCheckDigit("04022960001");
		String leapDay1904 = withCheckDigit("04022930001");
		assertThat(Iin.problem(leapDay2000)).isEmpty();
		assertThat(Iin.birthDate(leapDay2000)).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(Iin.problem(leapDay2004)).isEmpty();
		assertThat(Iin.birthDate(leapDay2004)).isEqualTo(LocalDate.of(2004, 2, 29));
		assertThat(Iin.problem(leapDay1904)).isEmpty();
		assertThat(Iin.birthDate(leapDay1904)).isEqualTo(LocalDate.of(1904, 2, 29));
		assertThat(Iin.problem(withCheckDigit("06123150001"))).as("31 Dec").isEmpty();
		assertThat(Iin.problem(withCheckDigit("06043050001"))).as("30 Apr").isEmpty();
	}

	@Test
	void aWrongCheckDigitIsACheckDigitProblem() {
		for (char check = '0'; check <= '9'; check++) {
			String iin = EXAMPLE.substring(0, 11) + check;
			if (check != EXAMPLE.charAt(11)) {
				assertThat(Iin.problem(iin)).as(iin).contains(Problem.CHECK_DIGIT);
				assertThat(Iin.isValid(iin)).as(iin).isFalse();
			}
		}
	}

	@Test
	void problemsAreReportedInTheOrderFormatCenturyBirthDateCheckDigit() {
		// 31 Feb, century 9, wrong check digit
		assertThat(Iin.problem("06023190001x")).contains(Problem.FORMAT);
		assertThat(Iin.problem("060231900019")).contains(Problem.CENTURY);
		assertThat(Iin.problem(withCheckDigit("06023150001"))).contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withWrongCheckDigit("06023150001"))).contains(Problem.BIRTH_DATE);
		assertThat(Iin.problem(withWrongCheckDigit("06022850001"))).contains(Problem.CHECK_DIGIT);
	}

	@Test
	void birthDateAndSexNeedAValidIin() {
		for (String invalid : new String[] { null, "", "06121160001", "061211000012", "061311600012",
				"061211600013" }) {
			assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> Iin.birthDate(invalid));
			assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> Iin.sex(invalid));
		}
	}

	// the check digit

	@Test
	void theSecondWeightsDecideWhenTheFirstSumLeaves10() {
		// 0*1 + 6*2 + 1*3 + 2*4 + 1*5 + 1*6 + 6*7 + 0*8 + 0*9 + 0*10 + 1*11 = 87, 87 mod
		// 11 = 10
		assertThat(weightedSum(EXAMPLE, FIRST_WEIGHTS)).isEqualTo(87);
		// 0*3 + 6*4 + 1*5 + 2*6 + 1*7 + 1*8 + 6*9 + 0*10 + 0*11 + 0*1 + 1*2 = 112, mod 11
		// = 2
		assertThat(weightedSum(EXAMPLE, SECOND_WEIGHTS)).isEqualTo(112);
		assertThat(EXAMPLE.charAt(11)).isEqualTo('2');
		assertThat(Iin.isValid(EXAMPLE)).isTrue();
		// with the first weights only, the remainder 10 matches no check digit at all
		for (char check = '0'; check <= '9'; check++) {
			assertThat(acceptedByFirstWeightsOnly(EXAMPLE.substring(0, 11) + check)).isFalse();
		}
	}

	@Test
	void theSecondWeightsAreUsedOnlyWhenTheFirstSumLeaves10() {
		// first sum leaves 3, second sum leaves 7: the first weights decide
		String iin = "921220357133";
		assertThat(weightedSum(iin, FIRST_WEIGHTS) % 11).isEqualTo(3);
		assertThat(weightedSum(iin, SECOND_WEIGHTS) % 11).isEqualTo(7);
		assertThat(Iin.isValid(iin)).isTrue();
		assertThat(Iin.problem("921220357137")).contains(Problem.CHECK_DIGIT);
	}

	@Test
	void numbersWhoseSumsBothLeave10AreNeverValid() {
		List<String> impossible = new ArrayList<>();
		for (int serial = 0; serial <= 9999; serial++) {
			String prefix = String.format("0612116%04d", serial);
			if (weightedSum(prefix, FIRST_WEIGHTS) % 11 == 10 && weightedSum(prefix, SECOND_WEIGHTS) % 11 == 10) {
				impossible.add(prefix);
			}
		}
		assertThat(impossible).contains("06121160005", "06121160196").hasSizeGreaterThan(50);
		for (String prefix : impossible) {
			for (int check = 0; check <= 9; check++) {
				assertThat(Iin.problem(prefix + check)).as(prefix + check).contains(Problem.CHECK_DIGIT);
			}
		}
	}

	// building IINs

	@Test
	void ofRoundTripsBirthDateAndSexForRandomDates() {
		Random random = new Random(20030611);
		long from = LocalDate.of(1850, 1, 1).toEpochDay();
		long to = LocalDate.of(2099, 12, 31).toEpochDay();
		for (int i = 0; i < 20_000; i++) {
			LocalDate birthDate = LocalDate.ofEpochDay(from + random.nextInt((int) (to - from + 1)));
			Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
			int serial = random.nextInt(10_000);
			String iin = Iin.of(birthDate, sex, serial);
			assertThat(iin).as(birthDate + " " + sex + " " + serial).matches("\\d{12}");
			assertThat(Iin.problem(iin)).as(iin).isEmpty();
			assertThat(checkDigitOf(iin)).as(iin).isEqualTo(iin.charAt(11) - '0');
			assertThat(Iin.birthDate(iin)).as(iin).isEqualTo(birthDate);
			assertThat(Iin.sex(iin)).as(iin).isEqualTo(sex);
			assertThat(iin.substring(7, 11)).as(iin).isEqualTo(expectedSerial(iin.substring(0, 7), serial));
		}
	}

	@Test
	void ofKeepsEveryPossibleSerialAndSkipsOnlyImpossibleOnes() {
		for (LocalDate birthDate : List.of(LocalDate.of(2006, 12, 11), LocalDate.of(1800, 1, 1),
				LocalDate.of(2099, 12, 31), LocalDate.of(1900, 2, 28))) {
			for (Sex sex : Sex.values()) {
				for (int serial = 0; serial <= 9999; serial++) {
					String iin = Iin.of(birthDate, sex, serial);
					assertThat(Iin.isValid(iin)).as(iin).isTrue();
					assertThat(iin.substring(7, 11)).as(iin).isEqualTo(expectedSerial(iin.substring(0, 7), serial));
				}
			}
		}
	}

	@Test
	void ofTakesTheNextSerialWhenNoCheckDigitIsPossible() {
		assertThat(Iin.of(LocalDate.of(2006, 12, 11), Sex.FEMALE, 4)).isEqualTo("061211600048");
		// serial 5 can never be valid for this date and sex, 6 can
		assertThat(Iin.of(LocalDate.of(2006, 12, 11), Sex.FEMALE, 5)).isEqualTo("061211600061");
		assertThat(Iin.of(LocalDate.of(2006, 12, 11), Sex.FEMALE, 6)).isEqualTo("061211600061");
		// serial 9999 can never be valid here, so it wraps to 0000
		assertThat(Iin.of(LocalDate.of(2000, 5, 18), Sex.MALE, 9999)).isEqualTo("000518500009");
		assertThat(Iin.of(LocalDate.of(2000, 5, 18), Sex.MALE, 0)).isEqualTo("000518500009");
		assertThat(Iin.of(LocalDate.of(2006, 12, 11), Sex.FEMALE, 1)).isEqualTo(EXAMPLE);
	}

	@Test
	void ofChecksItsArguments() {
		LocalDate date = LocalDate.of(2006, 12, 11);
		assertThat(Iin.of(LocalDate.of(1800, 1, 1), Sex.MALE, 0)).startsWith("0001011");
		assertThat(Iin.of(LocalDate.of(2099, 12, 31), Sex.FEMALE, 9999)).startsWith("9912316");
		assertThat(Iin.of(LocalDate.of(1999, 12, 31), Sex.FEMALE, 9999)).startsWith("9912314");
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(LocalDate.of(1799, 12, 31), Sex.MALE, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(LocalDate.of(2100, 1, 1), Sex.MALE, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(date, Sex.MALE, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(date, Sex.MALE, 10_000));
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(null, Sex.MALE, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Iin.of(date, null, 0));
	}

	@Test
	void ofIsFastEnoughForDemoData() {
		LocalDate start = LocalDate.of(1950, 1, 1);
		assertTimeout(Duration.ofSeconds(10), () -> {
			long digits = 0;
			for (int i = 0; i < 1_000_000; i++) {
				digits += Iin.of(start.plusDays(i % 40_000), (i % 2 == 0) ? Sex.MALE : Sex.FEMALE, i % 10_000)
					.charAt(11);
			}
			assertThat(digits).isPositive();
		});
	}

	// which typos the check digit catches

	@Test
	void theClaimThatEverySingleEditIsCaughtIsFalse() {
		// the first weight of the eleventh digit is 11, which is 0 modulo 11
		String firstWeights = "730728212483";
		assertThat(weightedSum(firstWeights, FIRST_WEIGHTS) % 11).isEqualTo(3);
		for (char eleventh = '0'; eleventh <= '9'; eleventh++) {
			assertThat(Iin.isValid("7307282124" + eleventh + "3")).as("eleventh digit " + eleventh).isTrue();
		}
		// a replaced digit that moves the number to the second weights
		assertThat(Iin.isValid("730728214483")).isTrue();
		// a swap that moves the number from the second weights to the first
		assertThat(weightedSum("291220357133", FIRST_WEIGHTS) % 11).isEqualTo(10);
		assertThat(Iin.isValid("291220357133")).isTrue();
		assertThat(Iin.isValid("921220357133")).isTrue();
	}

	@Test
	void singleEditsGoUnnoticedOnlyOnTheEleventhDigitOrWhenTheWeightSetChanges() {
		Random random = new Random(565);
		int eleventhDigit = 0;
		int replacedAcrossWeightSets = 0;
		int swappedAcrossWeightSets = 0;
		int edits = 0;
		for (String iin : randomValidIins(random, 2_000)) {
			boolean firstWeights = decidedByFirstWeights(iin);
			for (String replaced : replacements(iin)) {
				edits++;
				int position = firstDifference(iin, replaced);
				if (position == 10 && firstWeights) {
					// never caught: same weight-11 position, same first remainder
					assertThat(Iin.isValid(replaced)).as(iin + " -> " + replaced).isTrue();
					eleventhDigit++;
				}
				else if (decidedByFirstWeights(replaced) == firstWeights) {
					// the same weight set decides both: always caught
					assertThat(Iin.isValid(replaced)).as(iin + " -> " + replaced).isFalse();
				}
				else if (Iin.isValid(replaced)) {
					replacedAcrossWeightSets++;
				}
			}
			for (String swapped : adjacentSwaps(iin)) {
				edits++;
				if (decidedByFirstWeights(swapped) == firstWeights) {
					assertThat(Iin.isValid(swapped)).as(iin + " -> " + swapped).isFalse();
				}
				else if (Iin.isValid(swapped)) {
					swappedAcrossWeightSets++;
				}
			}
		}
		// the reference's claim holds for none of these kinds, and most edits are caught
		assertThat(eleventhDigit).isGreaterThan(1_000);
		assertThat(replacedAcrossWeightSets).isPositive();
		assertThat(swappedAcrossWeightSets).isPositive();
		assertThat(eleventhDigit + replacedAcrossWeightSets + swappedAcrossWeightSets).isLessThan(edits / 10);
	}

	@Test
	void underTheSecondWeightsAnEditSlipsThroughOnlyByLeavingThem() {
		// the eleventh digit has second weight 2, so it is guarded here
		List<String> secondWeights = randomValidIins(new Random(11), 5_000).stream()
			.filter((iin) -> !decidedByFirstWeights(iin))
			.toList();
		assertThat(secondWeights).hasSizeGreaterThan(100);
		for (String iin : secondWeights) {
			List<String> edits = new ArrayList<>(replacements(iin));
			edits.addAll(adjacentSwaps(iin));
			for (String edited : edits) {
				if (Iin.isValid(edited)) {
					assertThat(decidedByFirstWeights(edited)).as(iin + " -> " + edited).isTrue();
				}
			}
		}
	}

	// corrections

	@Test
	void correctionsOfAOneTypoIinContainTheOriginal() {
		assertThat(Iin.problem("061211600512")).contains(Problem.CHECK_DIGIT);
		assertThat(Iin.corrections("061211600512")).contains(EXAMPLE);
		assertThat(Iin.problem("061211600021")).contains(Problem.CHECK_DIGIT);
		assertThat(Iin.corrections("061211600021")).contains(EXAMPLE);
		assertThat(Iin.corrections("601211600012")).contains(EXAMPLE);
		Random random = new Random(2003);
		for (String iin : randomValidIins(random, 300)) {
			List<String> typos = new ArrayList<>(replacements(iin));
			typos.addAll(adjacentSwaps(iin));
			String typo = typos.get(random.nextInt(typos.size()));
			assertThat(Iin.corrections(typo)).as(typo).contains(iin);
		}
	}

	@Test
	void correctionsAreExactlyTheValidOneEditVariantsSorted() {
		Random random = new Random(7);
		List<String> inputs = new ArrayList<>(List.of(EXAMPLE, "061211600512", "000000000000", "999999999999"));
		for (String iin : randomValidIins(random, 100)) {
			List<String> typos = replacements(iin);
			inputs.add(typos.get(random.nextInt(typos.size())));
		}
		for (String input : inputs) {
			List<String> expected = new ArrayList<>();
			replacements(input).stream().filter(Iin::isValid).forEach(expected::add);
			adjacentSwaps(input).stream().filter(Iin::isValid).forEach(expected::add);
			List<String> corrections = Iin.corrections(input);
			assertThat(corrections).as(input)
				.containsExactlyInAnyOrderElementsOf(expected)
				.isSorted()
				.doesNotHaveDuplicates()
				.doesNotContain(input);
		}
		assertThat(Iin.corrections(EXAMPLE)).containsExactly("021211600012", "061011600012", "061211600812",
				"061211604012", "061217600012", "361211600012");
	}

	@Test
	void correctionsNeedTwelveDigits() {
		assertThat(Iin.corrections(null)).isEmpty();
		assertThat(Iin.corrections("")).isEmpty();
		assertThat(Iin.corrections("06121160001")).isEmpty();
		assertThat(Iin.corrections("0612116000120")).isEmpty();
		assertThat(Iin.corrections("06121160001a")).isEmpty();
		assertThat(Iin.corrections("0612 1160 0012")).isEmpty();
	}

	// normalising input

	@Test
	void normaliseDropsSpacesAndHyphens() {
		assertThat(Iin.normalise("061211600012")).isEqualTo(EXAMPLE);
		assertThat(Iin.normalise("  061211 600012\n")).isEqualTo(EXAMPLE);
		assertThat(Iin.normalise("0612-1160-0012")).isEqualTo(EXAMPLE);
		assertThat(Iin.normalise("\t061 211 600 012 ")).isEqualTo(EXAMPLE);
		// no-break space, non-breaking hyphen, en dash
		assertThat(Iin.normalise("061211\u00a0600\u2011012\u2013")).isEqualTo(EXAMPLE);
		assertThat(Iin.isValid(Iin.normalise(" 0612 1160-0012 "))).isTrue();
	}

	@Test
	void normaliseKeepsEverythingElseForTheChecksToReject() {
		assertThat(Iin.normalise(" 0612 1160 001x ")).isEqualTo("06121160001x");
		assertThat(Iin.problem(Iin.normalise(" 0612 1160 001x "))).contains(Problem.FORMAT);
		assertThat(Iin.normalise("061211.600012")).isEqualTo("061211.600012");
	}

	@Test
	void normaliseGivesNullForNothing() {
		assertThat(Iin.normalise(null)).isNull();
		assertThat(Iin.normalise("")).isNull();
		assertThat(Iin.normalise("   \t\n")).isNull();
		assertThat(Iin.normalise(" - ")).isNull();
		assertThat(Iin.problem(Iin.normalise(" "))).contains(Problem.FORMAT);
	}

	@Test
	void iinIsNotInstantiable() {
		for (Constructor<?> constructor : Iin.class.getDeclaredConstructors()) {
			assertThat(Modifier.isPrivate(constructor.getModifiers())).isTrue();
		}
		assertThat(Modifier.isFinal(Iin.class.getModifiers())).isTrue();
	}

	// an independent reading of the reference, to check the class against

	private static int weightedSum(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		return sum;
	}

	private static boolean decidedByFirstWeights(String digits) {
		return weightedSum(digits, FIRST_WEIGHTS) % 11 != 10;
	}

	/** The check digit for the first eleven digits, or 10 when none is possible. */
	private static int checkDigitOf(String digits) {
		int first = weightedSum(digits, FIRST_WEIGHTS) % 11;
		return (first != 10) ? first : weightedSum(digits, SECOND_WEIGHTS) % 11;
	}

	private static boolean acceptedByFirstWeightsOnly(String iin) {
		return weightedSum(iin, FIRST_WEIGHTS) % 11 == iin.charAt(11) - '0';
	}

	private static String withCheckDigit(String elevenDigits) {
		int check = checkDigitOf(elevenDigits);
		assertThat(check).as("a check digit is possible for " + elevenDigits).isLessThan(10);
		return elevenDigits + check;
	}

	private static String withWrongCheckDigit(String elevenDigits) {
		return elevenDigits + (withCheckDigit(elevenDigits).charAt(11) - '0' + 1) % 10;
	}

	/**
	 * The first serial from the requested one on (wrapping) with a possible check digit.
	 */
	private static String expectedSerial(String firstSeven, int requested) {
		for (int i = 0; i < 10_000; i++) {
			String serial = String.format("%04d", (requested + i) % 10_000);
			if (checkDigitOf(firstSeven + serial) != 10) {
				return serial;
			}
		}
		throw new AssertionError("no possible serial for " + firstSeven);
	}

	private static List<String> randomValidIins(Random random, int count) {
		long from = LocalDate.of(1800, 1, 1).toEpochDay();
		long to = LocalDate.of(2099, 12, 31).toEpochDay();
		List<String> iins = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDate birthDate = LocalDate.ofEpochDay(from + random.nextInt((int) (to - from + 1)));
			String iin = Iin.of(birthDate, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, random.nextInt(10_000));
			assertThat(Iin.isValid(iin)).as(iin).isTrue();
			iins.add(iin);
		}
		return iins;
	}

	private static List<String> replacements(String iin) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i < iin.length(); i++) {
			for (char c = '0'; c <= '9'; c++) {
				if (c != iin.charAt(i)) {
					result.add(iin.substring(0, i) + c + iin.substring(i + 1));
				}
			}
		}
		return result;
	}

	private static List<String> adjacentSwaps(String iin) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i + 1 < iin.length(); i++) {
			if (iin.charAt(i) != iin.charAt(i + 1)) {
				result.add(iin.substring(0, i) + iin.charAt(i + 1) + iin.charAt(i) + iin.substring(i + 2));
			}
		}
		return result;
	}

	private static int firstDifference(String a, String b) {
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				return i;
			}
		}
		return -1;
	}

}
