package org.barshaga;

import static org.assertj.core.api.Assertions.assertThat;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.junit.jupiter.api.Test;

class SuiteLogScanTests {

	@Test
	void findsAnIinAndAName() {
		String iin = Iin.of(java.time.LocalDate.of(2015, 3, 9), Sex.FEMALE, 1234);
		assertThat(SuiteLogScan.hits("2026-12-04 INFO imported learner " + iin + " at row 7"))
			.containsExactly("IIN " + iin);
		assertThat(SuiteLogScan.hits("WARN duplicate: Әбенова Айгерім, born 2015"))
			.containsExactly("name Әбенова Айгерім");
		assertThat(SuiteLogScan.hits("WARN duplicate: Иванов Иван")).containsExactly("name Иванов Иван");
	}

	@Test
	void leavesOtherNumbersAndWordsAlone() {
		String invalid = Iin.of(java.time.LocalDate.of(2015, 3, 9), Sex.FEMALE, 1234);
		String broken = invalid.substring(0, 11) + ((invalid.charAt(11) - '0' + 1) % 10);
		assertThat(SuiteLogScan.hits("took 123456789012345 ns, id " + broken + ", 1733300000000 ms")).isEmpty();
		assertThat(SuiteLogScan.hits("Facts of school year 2026: 1234 rows in 56 ms; ПМПК одна")).isEmpty();
	}

}
