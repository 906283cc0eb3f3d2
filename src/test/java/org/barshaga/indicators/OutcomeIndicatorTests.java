package org.barshaga.indicators;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome indicators against a district worked out by hand ({@link OutcomeFixture}):
 * a learner is compared only with the peers of the same school and grade who sat the same
 * assessment, the 80% threshold of support delivered, too few peers, a conclusion made
 * after the term, and suppression for open readers.
 */
@BarshagaTest
@Transactional
class OutcomeIndicatorTests {

	static final Actor MINISTRY = new Actor(0, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	OutcomeFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new OutcomeFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	@Test
	void theGapComparesEachLearnerWithThePeersOfTheSameSchoolAndGradeOnTheSameAssessments() {
		// L1 -6 (physics, which no peer sat, left out), L2 -25 (grade 6 with L5 among the
		// peers), L3 -20 (school B's grade 5, not school A's); L4 has too few peers
		IndicatorValue gap = district("ATTAINMENT_GAP", List.of());
		assertThat(gap.numerator()).isEqualByComparingTo("-51");
		assertThat(gap.denominator()).isEqualByComparingTo("3");
		assertThat(gap.value()).isEqualByComparingTo("-17.0");
	}

	@Test
	void theGapBySupportSplitsTheLearnersAtEightyPerCentOfTheirRecommendedHours() {
		Map<String, String> bySupport = byValue("ATTAINMENT_BY_SUPPORT", Dimension.SUPPORT_DELIVERED);
		// L1 had exactly 80% of two hours a week, L2 one minute less than 80% of one hour
		assertThat(bySupport).containsExactlyInAnyOrderEntriesOf(Map.of("AT_LEAST_80", "-6.0", "BELOW_80", "-25.0"));
		// learners with no hours recommended are in neither
		assertThat(district("ATTAINMENT_BY_SUPPORT", List.of()).value()).isEqualByComparingTo("-15.5");
		assertThat(byValue("ATTAINMENT_GAP", Dimension.SUPPORT_DELIVERED)).containsEntry("NO_HOURS", "-20.0");
	}

	@Test
	void theAttendanceGapIsTheShareOfSchoolDaysMissedAgainstThePeers() {
		IndicatorValue gap = district("ATTENDANCE_GAP", List.of());
		assertThat(gap.denominator()).isEqualByComparingTo("1");
		assertThat(gap.value()).isEqualByComparingTo("10.0");
		assertThat(byValue("ATTENDANCE_GAP", Dimension.TERM)).containsExactly(Map.entry("TERM_1", "10.0"));
	}

	@Test
	void aSchoolsGapIsThatOfItsOwnLearners() {
		Map<String, String> bySchool = indicators
			.values(MINISTRY, "ATTAINMENT_GAP", OutcomeFixture.DISTRICT, fixture.year, Level.CHILDREN, List.of())
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.collect(Collectors.toMap(IndicatorValue::orgUnit, v -> v.value().toPlainString()));
		assertThat(bySchool).containsExactlyInAnyOrderEntriesOf(
				Map.of(OutcomeFixture.DISTRICT + "-A", "-15.5", OutcomeFixture.DISTRICT + "-B", "-20.0"));
	}

	@Test
	void openReadersSeeNoGapBehindWhichAreFewerThanFiveLearners() {
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		for (String code : List.of("ATTAINMENT_GAP", "ATTAINMENT_BY_SUPPORT", "ATTENDANCE_GAP")) {
			IndicatorValue value = indicators
				.values(researcher, code, OutcomeFixture.DISTRICT, fixture.year, Level.SELF, List.of())
				.total();
			assertThat(value.suppressed()).as(code).isTrue();
			assertThat(value.value()).as(code).isNull();
		}
	}

	@Test
	void theDemoDistrictShowsItsLearnersBehindTheirPeers() {
		IndicatorValue demo = indicators
			.values(MINISTRY, "ATTAINMENT_GAP", "KZ-61-D08", indicators.currentYear(), Level.SELF, List.of())
			.total();
		assertThat(demo.denominator()).isGreaterThan(java.math.BigDecimal.valueOf(20));
		assertThat(demo.value()).isNegative();
		assertThat(indicators
			.values(MINISTRY, "ATTENDANCE_GAP", "KZ-61-D08", indicators.currentYear(), Level.SELF, List.of())
			.total()
			.value()).isPositive();
	}

	private IndicatorValue district(String indicator, List<Dimension> by) {
		return indicators.values(MINISTRY, indicator, OutcomeFixture.DISTRICT, fixture.year, Level.SELF, by).total();
	}

	private Map<String, String> byValue(String indicator, Dimension dimension) {
		return indicators
			.values(MINISTRY, indicator, OutcomeFixture.DISTRICT, fixture.year, Level.SELF, List.of(dimension))
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.collect(Collectors.toMap(v -> v.by().get(dimension), v -> v.value().toPlainString()));
	}

}
