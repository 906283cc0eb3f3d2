package org.barshaga.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formula-cell rule: what a spreadsheet would run is written as text, and read back
 * exactly.
 */
class SpreadsheetCellsTests {

	static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://example.invalid\",\"open\")", "+7 701 000 00 00",
			"-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1+2", "\r=1+2", "-", "=", "@", "+");

	@Test
	void everyFormulaStartIsWrittenAsText() {
		for (String value : FORMULAS) {
			assertThat(SpreadsheetCells.neutralised(value)).as(value).isEqualTo("'" + value);
		}
	}

	@Test
	void plainNumbersAndOrdinaryTextAreLeftAlone() {
		for (String value : List.of("-12", "-0.5", "12", "Әбенова", "O'Brien", "'quoted'", "a=b", "", "2025-05-20")) {
			assertThat(SpreadsheetCells.neutralised(value)).as(value).isEqualTo(value);
		}
		assertThat(SpreadsheetCells.neutralised(null)).isNull();
		assertThat(SpreadsheetCells.neutralised("-1.")).isEqualTo("'-1.");
		assertThat(SpreadsheetCells.neutralised("-1e5")).isEqualTo("'-1e5");
	}

	@Test
	void theRoundTripIsExactEvenForValuesThatLookNeutralisedAlready() {
		List<String> values = new java.util.ArrayList<>(FORMULAS);
		values.addAll(List.of("'=1", "''=1", "'-5", "'", "''", "'a", "-12", "Әбенова", "'@x", "'\tx"));
		for (String value : values) {
			String cell = SpreadsheetCells.neutralised(value);
			assertThat(SpreadsheetCells.restored(cell)).as(value).isEqualTo(value);
		}
	}

	@Test
	void csvFieldsAreNeutralisedThenQuoted() {
		StringBuilder out = new StringBuilder();
		SpreadsheetCells.appendCsv(out, "=HYPERLINK(\"x\",\"y\")");
		assertThat(out).hasToString("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
		out.setLength(0);
		SpreadsheetCells.appendCsv(out, null);
		assertThat(out).hasToString("");
	}

}
