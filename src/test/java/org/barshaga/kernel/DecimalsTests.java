package org.barshaga.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTests {

	@Test
	void numbersWrittenPlainlyAreRead() {
		assertThat(Decimals.parse("2.5")).isEqualByComparingTo("2.5");
		assertThat(Decimals.parse(" 2,5 ")).isEqualByComparingTo("2.5");
		assertThat(Decimals.parse("-3")).isEqualByComparingTo("-3");
		assertThat(Decimals.parse("+12.")).isEqualByComparingTo("12");
		assertThat(Decimals.parse(".75")).isEqualByComparingTo("0.75");
		assertThat(Decimals.parse("999999999999999.123456789")).isEqualByComparingTo("999999999999999.123456789");
	}

	@Test
	void exponentsAndOversizedNumbersAreNotNumbers() {
		for (String text : new String[] { "1e5", "1E-999999999", "1e-99999", "NaN", "Infinity", "1 000", "0x10", "",
				"-", ".", "1.2.3", "1234567890123456", "0.1234567890", "٣", "1,5,0" }) {
			assertThat(Decimals.parse(text)).as(text).isNull();
		}
		assertThat(Decimals.parse(null)).isNull();
	}

	@Test
	void numbersReadElsewhereAreSizedWithoutRoundingThem() {
		assertThat(Decimals.sized(new BigDecimal("2.5"))).isTrue();
		assertThat(Decimals.sized(new BigDecimal("1e-999999999"))).isFalse();
		assertThat(Decimals.sized(new BigDecimal("1e999999999"))).isFalse();
		assertThat(Decimals.sized(new BigDecimal("0.1234567890"))).isFalse();
	}

}
