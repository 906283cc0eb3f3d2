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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The survey indicators against a district worked out by hand ({@link QualityFixture}):
 * means over valid scales only, anonymous groups under five left out of every figure, the
 * signed self-review counted school by school, the year's rounds only, and the response
 * rate.
 */
@BarshagaTest
@Transactional
class QualityIndicatorTests {

	static final Actor MINISTRY = new Actor(0, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	QualityFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new QualityFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	@Test
	void aMeanScoreCountsValidScalesOnlyAndLeavesOutAnonymousGroupsUnderFive() {
		IndicatorValue district = district("PARENT_PARTNERSHIP", List.of());
		assertThat(district.numerator()).isEqualByComparingTo("450.00");
		assertThat(district.denominator()).isEqualByComparingTo("6");
		assertThat(district.value()).isEqualByComparingTo("75.0");
		Map<String, String> bySchool = bySchool("PARENT_PARTNERSHIP");
		assertThat(bySchool).containsEntry(QualityFixture.A, "75.0");
		// three parents at B: their answers are in no figure, not even the district's
		assertThat(bySchool.get(QualityFixture.B)).isNull();
	}

	@Test
	void pupilsWithSenAreShownBesideTheOthersWhenEitherGroupReachesFive() {
		assertThat(bySchool("PUPIL_BELONGING")).containsEntry(QualityFixture.A, "60.0");
		Map<String, String> byGroup = by("PUPIL_BELONGING", Dimension.LEARNER_GROUP);
		assertThat(byGroup).containsEntry("SEN", "40.0");
		assertThat(byGroup.get("PEER")).isNull();
	}

	@Test
	void teachersEfficacyIsTheMeanOverItsThreeScalesEachShownOnItsOwn() {
		IndicatorValue district = district("TEACHER_EFFICACY", List.of());
		assertThat(district.denominator()).isEqualByComparingTo("10");
		assertThat(district.value()).isEqualByComparingTo("70.0");
		Map<String, String> byScale = by("TEACHER_EFFICACY", Dimension.QUALITY_SCALE);
		assertThat(byScale).containsEntry("INSTRUCTION", "60.0").containsEntry("COLLABORATION", "80.0");
		assertThat(byScale.get("BEHAVIOUR")).isNull();
		assertThat(byScale).doesNotContainKey("ATTITUDES");
	}

	@Test
	void theSignedSelfReviewCountsForASingleSchool() {
		assertThat(district("SELF_REVIEW_CULTURES", List.of()).value()).isEqualByComparingTo("50.0");
		assertThat(bySchool("SELF_REVIEW_CULTURES")).containsEntry(QualityFixture.B, "37.5")
			.containsEntry(QualityFixture.A, "62.5");
		assertThat(by("SELF_REVIEW_CULTURES", Dimension.SETTLEMENT)).containsEntry("RURAL", "37.5")
			.containsEntry("URBAN", "62.5");
		IndicatorValue policies = district("SELF_REVIEW_POLICIES", List.of());
		assertThat(policies == null || policies.value() == null).isTrue();
	}

	@Test
	void aRoundCountsInTheSchoolYearItOpenedIn() {
		IndicatorValue lastYear = indicators
			.values(MINISTRY, "PARENT_PARTNERSHIP", QualityFixture.DISTRICT, fixture.year - 1, Level.SELF, List.of())
			.total();
		assertThat(lastYear.denominator()).isEqualByComparingTo("5");
		assertThat(lastYear.value()).isEqualByComparingTo("0.0");
	}

	@Test
	void theResponseRateIsResponsesOverThePeopleEachSchoolWasToReach() {
		IndicatorValue parents = indicators
			.values(MINISTRY, "RESPONSE_RATE", QualityFixture.DISTRICT, fixture.year, Level.SELF,
					List.of(Dimension.SURVEY))
			.values()
			.stream()
			.filter(v -> "PARENT_SEN".equals(v.by().get(Dimension.SURVEY)))
			.findFirst()
			.orElseThrow();
		assertThat(parents.numerator()).isEqualByComparingTo("10");
		assertThat(parents.denominator()).isEqualByComparingTo("14");
		assertThat(parents.value()).isEqualByComparingTo("71.4");
	}

	@Test
	void openReadersSeeNoSchoolAndNoTableWithACellUnderFive() {
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		assertThat(indicators
			.values(researcher, "PARENT_PARTNERSHIP", QualityFixture.DISTRICT, fixture.year, Level.CHILDREN, List.of())
			.values()).isEmpty();
		// the self-review rests on one school in each settlement
		assertThat(indicators
			.values(researcher, "SELF_REVIEW_CULTURES", QualityFixture.DISTRICT, fixture.year, Level.SELF,
					List.of(Dimension.SETTLEMENT))
			.values()).allSatisfy(value -> assertThat(value.value()).isNull());
	}

	@Test
	void aUserOutsideTheDistrictReadsNoneOfItsFigures() {
		Actor elsewhere = new Actor(0, "region", "Region", Role.REGION_OFFICER, new DataScope("/KZ/KZ-61/"));
		assertThatThrownBy(() -> indicators.values(elsewhere, "PARENT_PARTNERSHIP", QualityFixture.DISTRICT,
				fixture.year, Level.CHILDREN, List.of()))
			.isInstanceOf(org.barshaga.kernel.NotFoundException.class);
	}

	@Test
	void theScalesIndicatorsReadAreTheScalesOfTheShippedInstruments() {
		List<String> shipped = jdbc
			.sql("""
					SELECT DISTINCT s.code FROM quality_scale s JOIN quality_instrument_version v ON v.id = s.version_id
					WHERE v.instrument_code IN ('SCHOOL_SELF_REVIEW', 'TEACHER_EFFICACY', 'PARENT_SEN', 'PUPIL_VOICE', 'BARRIERS')
					ORDER BY s.code""")
			.query(String.class)
			.list();
		assertThat(Dimension.QUALITY_SCALE.codes()).containsExactlyInAnyOrderElementsOf(shipped);
	}

	private IndicatorValue district(String code, List<Dimension> by) {
		return indicators.values(MINISTRY, code, QualityFixture.DISTRICT, fixture.year, Level.SELF, by).total();
	}

	private Map<String, String> bySchool(String code) {
		Map<String, String> values = new java.util.HashMap<>();
		indicators.values(MINISTRY, code, QualityFixture.DISTRICT, fixture.year, Level.CHILDREN, List.of())
			.values()
			.forEach(v -> values.put(v.orgUnit(), v.value() == null ? null : v.value().toPlainString()));
		return values;
	}

	private Map<String, String> by(String code, Dimension dimension) {
		Map<String, String> values = new java.util.HashMap<>();
		indicators.values(MINISTRY, code, QualityFixture.DISTRICT, fixture.year, Level.SELF, List.of(dimension))
			.values()
			.forEach(v -> values.put(v.by().get(dimension), v.value() == null ? null : v.value().toPlainString()));
		return values;
	}

}
