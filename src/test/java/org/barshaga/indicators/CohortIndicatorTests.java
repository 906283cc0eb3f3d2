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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dropout, the transitions after grades 9 and 11 and from the pre-school class, against a
 * district worked out by hand ({@link CohortFixture}): a missing next-year record is a
 * dropout, a leaving record explains it, a school without its next extract is not judged,
 * and open readers see no share resting on fewer than five children.
 */
@BarshagaTest
@Transactional
class CohortIndicatorTests {

	static final Actor MINISTRY = new Actor(0, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	CohortFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new CohortFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	@Test
	void aPupilMissingFromTheNextExtractWithNoRecordHasDroppedOut() {
		IndicatorValue sen = district("DROPOUT_SEN", List.of());
		assertThat(sen.numerator()).isEqualByComparingTo("1");
		assertThat(sen.denominator()).isEqualByComparingTo("14");
		assertThat(sen.value()).isEqualByComparingTo("7.1");
		IndicatorValue peers = district("DROPOUT_PEERS", List.of());
		assertThat(peers.numerator()).isEqualByComparingTo("2");
		assertThat(peers.denominator()).isEqualByComparingTo("17");
	}

	@Test
	void aSchoolWhoseNextExtractIsNotLoadedIsNotJudged() {
		Map<String, String> bySchool = indicators
			.values(MINISTRY, "DROPOUT_SEN", CohortFixture.DISTRICT, fixture.year, Level.CHILDREN, List.of())
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.collect(Collectors.toMap(IndicatorValue::orgUnit, v -> v.denominator().toPlainString()));
		assertThat(bySchool).containsOnlyKeys(CohortFixture.DISTRICT + "-A");
		// nor is the next year, whose own next extract does not exist
		IndicatorValue next = indicators
			.values(MINISTRY, "DROPOUT_SEN", CohortFixture.DISTRICT, fixture.year + 1, Level.SELF, List.of())
			.total();
		assertThat(next == null || next.value() == null).isTrue();
	}

	@Test
	void moversOnAfterGradeNineAreThoseInGradeTenOrWithAFurtherDestination() {
		assertThat(byGroup("TRANSITION_AFTER_9"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("SEN", "66.7", "PEER", "75.0"));
		IndicatorValue both = district("TRANSITION_AFTER_9", List.of());
		assertThat(both.numerator()).isEqualByComparingTo("5");
		assertThat(both.denominator()).isEqualByComparingTo("7");
	}

	@Test
	void moversOnAfterSchoolAreThoseBoundForCollegeUniversityOrWork() {
		assertThat(byGroup("TRANSITION_AFTER_11"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("SEN", "66.7", "PEER", "100.0"));
	}

	@Test
	void preschoolChildrenCountWhenTheyStartGradeOneInTheFormTheirConclusionRecommends() {
		IndicatorValue value = district("PRESCHOOL_TO_GRADE_1", List.of());
		assertThat(value.numerator()).isEqualByComparingTo("2");
		assertThat(value.denominator()).isEqualByComparingTo("4");
		assertThat(value.value()).isEqualByComparingTo("50.0");
	}

	@Test
	void openReadersSeeNoShareRestingOnFewerThanFiveChildren() {
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		for (String code : List.of("DROPOUT_SEN", "TRANSITION_AFTER_9", "TRANSITION_AFTER_11",
				"PRESCHOOL_TO_GRADE_1")) {
			IndicatorValue value = indicators
				.values(researcher, code, CohortFixture.DISTRICT, fixture.year, Level.SELF, List.of())
				.total();
			assertThat(value.suppressed()).as(code).isTrue();
			assertThat(value.value()).as(code).isNull();
		}
	}

	@Test
	void aUserOutsideTheDistrictReadsNoneOfItsSchools() {
		Actor elsewhere = new Actor(0, "region", "Region", Role.REGION_OFFICER, new DataScope("/KZ/KZ-61/"));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> indicators.values(elsewhere, "DROPOUT_SEN", CohortFixture.DISTRICT, fixture.year,
					Level.CHILDREN, List.of()))
			.isInstanceOf(org.barshaga.kernel.NotFoundException.class);
	}

	@Test
	void theListOfPupilsWhoLeftWithoutARecordHoldsTheVanishedOfSchoolsInScope() throws Exception {
		String all = vanished(org.barshaga.support.Demo.ADMIN);
		assertThat(all.lines().filter(line -> line.startsWith(CohortFixture.DISTRICT + "-A,")).count()).isEqualTo(2);
		assertThat(all).doesNotContain(CohortFixture.DISTRICT + "-B,");
		assertThat(all.lines().findFirst()).contains("school_code,iin,surname,given_name,patronymic,birth_date,grade");
		assertThat(vanished(org.barshaga.support.Demo.DISTRICT_SARYAGASH)).doesNotContain(CohortFixture.DISTRICT);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND record_id = 'vanished'")
			.query(Long.class)
			.single()).isPositive();
	}

	private String vanished(String user) throws Exception {
		return mvc.perform(get("/exchange/vanished.csv").param("year", Integer.toString(fixture.year)).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private IndicatorValue district(String indicator, List<Dimension> by) {
		return indicators.values(MINISTRY, indicator, CohortFixture.DISTRICT, fixture.year, Level.SELF, by).total();
	}

	private Map<String, String> byGroup(String indicator) {
		return indicators
			.values(MINISTRY, indicator, CohortFixture.DISTRICT, fixture.year, Level.SELF,
					List.of(Dimension.LEARNER_GROUP))
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.collect(Collectors.toMap(v -> v.by().get(Dimension.LEARNER_GROUP), v -> v.value().toPlainString()));
	}

}
