package org.barshaga.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every catalogue indicator against a district worked out by hand
 * ({@link IndicatorFixture}), then consistency across levels on the demo data,
 * suppression, scope and the API's shape.
 */
@BarshagaTest
@Transactional
class IndicatorTests {

	static final Actor MINISTRY = new Actor(0, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	IndicatorFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new IndicatorFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	private IndicatorValue district(String indicator) {
		return indicators.values(MINISTRY, indicator, IndicatorFixture.DISTRICT, fixture.year, Level.SELF, List.of())
			.total();
	}

	private static void expect(IndicatorValue value, String numerator, String denominator, String result) {
		assertThat(value.numerator()).isEqualByComparingTo(numerator);
		if (denominator == null) {
			assertThat(value.denominator()).isNull();
		}
		else {
			assertThat(value.denominator()).isEqualByComparingTo(denominator);
		}
		assertThat(value.value()).isEqualByComparingTo(result);
	}

	@Test
	void theConditionsIndicatorsCountTheSchoolsByHand() {
		expect(district("COND_REPORTED"), "2", "2", "100.0");
		expect(district("COND_MEASURED"), "1", "2", "50.0");
		expect(district("COND_GAP"), "1", "2", "50.0");
		expect(district("SDG_4A1D"), "1", "2", "50.0");
		expect(district("ACCESSIBLE"), "1", "2", "50.0");
		expect(district("TRAINED_TEACHERS"), "1", "3", "33.3");
	}

	@Test
	void theLearnerIndicatorsCountTheChildrenByHand() {
		expect(district("SEN_BY_FORM"), "4", null, "4");
		expect(district("SEN_INCLUSIVE"), "2", "4", "50.0");
		// Pupils: school A's reported 200, school B's 3 rows of the enrolment extract.
		expect(district("SEN_PER_1000"), "3", "203", "14.8");
		expect(district("PROCESS_REVIEWS"), "1", "4", "25.0");
		expect(district("PROCESS_CONSENT"), "1", "4", "25.0");
		expect(district("PROCESS_PLAN_REVIEWS"), "1", "2", "50.0");
		expect(district("PROGRESS"), "2", "2", "100.0");
	}

	@Test
	void supportIsComparedInTheReferenceMonthAndStaffOnTheCensusDay() {
		expect(district("SUPPORT_COVERAGE"), "1", "2", "50.0");
		BigDecimal recommended = BigDecimal.valueOf(3 * org.barshaga.kernel.SchoolYear.teachingWeeks(fixture.month))
			.setScale(2, RoundingMode.HALF_UP);
		IndicatorValue hours = district("SUPPORT_HOURS");
		assertThat(hours.numerator()).isEqualByComparingTo("1.50");
		assertThat(hours.denominator()).isEqualByComparingTo(recommended);
		assertThat(hours.value())
			.isEqualByComparingTo(new BigDecimal("1.50").divide(recommended, 2, RoundingMode.HALF_UP));
		expect(district("SPECIALISTS"), "1.00", "3", "33.33");
		// Special teacher: 1 h a week of L2 needs 1/20 FTE, none in post; speech therapy
		// is covered.
		expect(district("SPECIALIST_GAP"), "0.05", null, "0.05");
	}

	@Test
	void theChildrenBehindAGapAreThoseWhoseSchoolIsShortOfTheirSpecialist() {
		// L2's special teacher is missing at school A; L1's speech therapist is in post.
		expect(district("SPECIALIST_SHORT_LEARNERS"), "1", "2", "50.0");
		Map<String, IndicatorValue> bySpecialist = new java.util.HashMap<>();
		indicators
			.values(MINISTRY, "SPECIALIST_SHORT_LEARNERS", IndicatorFixture.DISTRICT, fixture.year, Level.SELF,
					List.of(Dimension.SPECIALIST))
			.values()
			.forEach(value -> bySpecialist.put(value.by().get(Dimension.SPECIALIST), value));
		expect(bySpecialist.get("SPECIAL_TEACHER"), "1", "1", "100.0");
		expect(bySpecialist.get("SPEECH_THERAPIST"), "0", "1", "0.0");
	}

	@Test
	void aDisaggregationAddsUpToTheTotalAndNamesTheValues() {
		IndicatorResult byForm = indicators.values(MINISTRY, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year,
				Level.SELF, List.of(Dimension.FORM));
		assertThat(counts(byForm, Dimension.FORM)).containsExactly(Map.entry("INCLUSIVE_CLASS", 2),
				Map.entry("SPECIAL_CLASS", 1), Map.entry("NOT_ENROLLED", 1));
		IndicatorResult bySex = indicators.values(MINISTRY, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year,
				Level.SELF, List.of(Dimension.SEX));
		assertThat(counts(bySex, Dimension.SEX)).containsOnly(Map.entry("MALE", 2), Map.entry("FEMALE", 2));
		IndicatorResult byCategory = indicators.values(MINISTRY, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year,
				Level.SELF, List.of(Dimension.SEN_CATEGORY));
		assertThat(counts(byCategory, Dimension.SEN_CATEGORY)).containsOnly(Map.entry("SPEECH", 1),
				Map.entry("MULTIPLE", 1), Map.entry("AUTISM", 1), Map.entry("INTELLECTUAL", 1));
		IndicatorResult bySettlement = indicators.values(MINISTRY, "COND_MEASURED", IndicatorFixture.DISTRICT,
				fixture.year, Level.SELF, List.of(Dimension.SETTLEMENT));
		assertThat(bySettlement.values()).extracting(v -> v.by().get(Dimension.SETTLEMENT) + "=" + v.value())
			.containsExactly("URBAN=100.0", "RURAL=0.0");
		// Specialists of each type per 100 learners: the denominator stays whole.
		IndicatorResult bySpecialist = indicators.values(MINISTRY, "SPECIALISTS", IndicatorFixture.DISTRICT,
				fixture.year, Level.SELF, List.of(Dimension.SPECIALIST));
		assertThat(bySpecialist.values()).allSatisfy(v -> assertThat(v.denominator()).isEqualByComparingTo("3"));
		assertThat(bySpecialist.values()).filteredOn(v -> v.by().get(Dimension.SPECIALIST).equals("SPEECH_THERAPIST"))
			.singleElement()
			.satisfies(v -> assertThat(v.value()).isEqualByComparingTo("33.33"));
	}

	private static Map<String, Integer> counts(IndicatorResult result, Dimension dimension) {
		return result.values()
			.stream()
			.collect(Collectors.toMap(v -> v.by().get(dimension), v -> v.numerator().intValue(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	@Test
	void theSchoolsOfADistrictAreItsChildrenAndTheChildNotEnrolledCountsOnlyInTheDistrict() {
		IndicatorResult schools = indicators.values(MINISTRY, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year,
				Level.CHILDREN, List.of());
		assertThat(schools.values()).extracting(v -> v.orgUnit() + "=" + v.numerator())
			.containsExactly(IndicatorFixture.SCHOOL_A + "=2", IndicatorFixture.SCHOOL_B + "=1");
	}

	@Test
	void everyLevelAddsUpFromTheLevelBelow() {
		int year = indicators.currentYear();
		for (String code : List.of("SEN_BY_FORM", "COND_REPORTED", "SUPPORT_COVERAGE", "SPECIALISTS", "PROGRESS")) {
			Map<String, IndicatorValue> units = indicators.everyUnit(code, year);
			IndicatorResult regions = indicators.values(MINISTRY, code, "KZ", year, Level.CHILDREN, List.of());
			assertThat(sum(regions.values(), true)).as(code + " nation numerator")
				.isEqualByComparingTo(units.get("/KZ/").numerator());
			IndicatorResult districts = indicators.values(MINISTRY, code, "KZ-61", year, Level.CHILDREN, List.of());
			assertThat(sum(districts.values(), true)).as(code + " region numerator")
				.isEqualByComparingTo(units.get("/KZ/KZ-61/").numerator());
			IndicatorValue region = indicators.values(MINISTRY, code, "KZ-61", year, Level.SELF, List.of()).total();
			assertThat(region.numerator()).isEqualByComparingTo(units.get("/KZ/KZ-61/").numerator());
			if (region.denominator() != null) {
				assertThat(sum(districts.values(), false)).as(code + " region denominator")
					.isEqualByComparingTo(region.denominator());
			}
		}
		IndicatorValue turkistan = indicators.values(MINISTRY, "SEN_BY_FORM", "KZ-61", year, Level.SELF, List.of())
			.total();
		assertThat(turkistan.numerator().intValue()).as("the demo region has learners").isGreaterThan(1000);
	}

	private static BigDecimal sum(List<IndicatorValue> values, boolean numerator) {
		return values.stream()
			.map(v -> numerator ? v.numerator() : v.denominator())
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void aChangeThroughTheServicesIsSeenAtOnce() {
		IndicatorValue before = district("COND_REPORTED");
		jdbc.sql("UPDATE condition_survey SET reported_created = FALSE WHERE path = ?")
			.params(IndicatorFixture.DISTRICT_PATH + IndicatorFixture.SCHOOL_B + "/")
			.update();
		assertThat(district("COND_REPORTED").numerator()).as("a change outside the audited services waits")
			.isEqualByComparingTo(before.numerator());
		cache.changed(new org.barshaga.audit.AuditedChange(org.barshaga.audit.AuditAction.UPDATE, "conditions"));
		assertThat(district("COND_REPORTED").numerator()).isEqualByComparingTo("1");
	}

	@Test
	void aZeroDenominatorIsNoDataNeverZero() {
		IndicatorValue value = indicators
			.values(MINISTRY, "SUPPORT_COVERAGE", IndicatorFixture.SCHOOL_B, fixture.year, Level.SELF, List.of())
			.values()
			.stream()
			.findFirst()
			.orElse(null);
		assertThat(value).as("school B has no learner with services: no cell, so no data").isNull();
		IndicatorValue empty = indicators
			.values(MINISTRY, "PROGRESS", IndicatorFixture.SCHOOL_B, fixture.year, Level.SELF, List.of())
			.total();
		assertThat(empty == null || empty.noData()).isTrue();
		IndicatorResult schools = indicators.values(MINISTRY, "SUPPORT_COVERAGE", IndicatorFixture.DISTRICT,
				fixture.year, Level.CHILDREN, List.of());
		assertThat(schools.values()).extracting(IndicatorValue::orgUnit).containsExactly(IndicatorFixture.SCHOOL_A);
	}

	@Test
	void researchersSeeSmallCellsSuppressedWithTheirComplements() {
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		IndicatorResult byForm = indicators.values(researcher, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year,
				Level.SELF, List.of(Dimension.FORM));
		assertThat(byForm.values()).allSatisfy(v -> {
			assertThat(v.suppressed()).isTrue();
			assertThat(v.numerator()).isNull();
			assertThat(v.value()).isNull();
		});
		IndicatorResult schools = indicators.values(researcher, "COND_REPORTED", IndicatorFixture.DISTRICT,
				fixture.year, Level.CHILDREN, List.of());
		assertThat(schools.values()).as("schools are not children: nothing to hide")
			.noneMatch(IndicatorValue::suppressed);
	}

	@Test
	void aTableHiddenByOneDimensionStaysHiddenDividedByAnotherAndAtTheSchools() {
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		int year = indicators.currentYear();
		int checked = 0;
		for (String region : List.of("KZ-61", "KZ-75", "KZ-59")) {
			List<IndicatorValue> byAge = indicators
				.values(researcher, "SEN_INCLUSIVE", region, year, Level.CHILDREN, List.of(Dimension.AGE_GROUP))
				.values();
			List<IndicatorValue> byAgeAndSex = indicators
				.values(researcher, "SEN_INCLUSIVE", region, year, Level.CHILDREN,
						List.of(Dimension.AGE_GROUP, Dimension.SEX))
				.values();
			for (IndicatorValue district : byAge) {
				if (district.suppressed()) {
					checked++;
					assertThat(byAgeAndSex).filteredOn(v -> v.path().equals(district.path()))
						.as("%s divided by sex as well", district.orgUnit())
						.allMatch(IndicatorValue::suppressed);
				}
			}
		}
		assertThat(checked).as("the demo districts have small cells by age").isPositive();
		assertThatThrownBy(() -> indicators.values(researcher, "SEN_INCLUSIVE", IndicatorFixture.SCHOOL_A, fixture.year,
				Level.SELF, List.of()))
			.as("a school's children are not published")
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aDistrictOfficerReadsTheirDistrictAndTheCountryOnlyByItself() throws Exception {
		int year = indicators.currentYear();
		String own = mvc
			.perform(get("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ-61-D08&year=" + year + "&level=children")
				.with(Demo.as(Demo.DISTRICT_SARYAGASH)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(own, "$.indicator")).isEqualTo("SEN_PER_1000");
		assertThat(JsonPath.<Integer>read(own, "$.year")).isEqualTo(year);
		List<String> schools = JsonPath.read(own, "$.values[*].orgUnit");
		assertThat(schools).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("KZ-61-D08-"));
		List<Map<String, Object>> values = JsonPath.read(own, "$.values");
		assertThat(values.get(0)).containsKeys("orgUnit", "by", "numerator", "denominator", "value", "suppressed");
		assertThat(status("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ&level=self", Demo.DISTRICT_SARYAGASH))
			.isEqualTo(200);
		assertThat(status("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ&level=children", Demo.DISTRICT_SARYAGASH))
			.isEqualTo(404);
		assertThat(status("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ-61-D01", Demo.DISTRICT_SARYAGASH))
			.isEqualTo(404);
		assertThat(status("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ-75&level=children", Demo.REGION_TURKISTAN))
			.isEqualTo(404);
		assertThat(status("/api/v1/indicators/SEN_PER_1000/values?orgUnit=KZ-61&level=children", Demo.REGION_TURKISTAN))
			.isEqualTo(200);
	}

	@Test
	void badParametersAreRefusedByName() throws Exception {
		String body = mvc
			.perform(get("/api/v1/indicators/COND_REPORTED/values?orgUnit=KZ&by=SEX").header("Accept-Language", "ru")
				.with(Demo.as(Demo.MINISTRY)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("COND_REPORTED").contains("SEX");
		assertThat(status("/api/v1/indicators/COND_REPORTED/values?orgUnit=KZ&by=COLOUR", Demo.MINISTRY))
			.isEqualTo(400);
		assertThat(status("/api/v1/indicators/COND_REPORTED/values?orgUnit=KZ&level=everything", Demo.MINISTRY))
			.isEqualTo(400);
		assertThat(status("/api/v1/indicators/COND_REPORTED/values?orgUnit=KZ&year=1990", Demo.MINISTRY))
			.isEqualTo(400);
		assertThat(status("/api/v1/indicators/NO_SUCH/values?orgUnit=KZ", Demo.MINISTRY)).isEqualTo(404);
		assertThat(status("/api/v1/indicators/SEN_BY_FORM/values?orgUnit=KZ&by=SEX,FORM,AGE_GROUP", Demo.MINISTRY))
			.isEqualTo(400);
	}

	private int status(String url, String user) throws Exception {
		return mvc.perform(get(url).with(Demo.as(user))).andReturn().getResponse().getStatus();
	}

	@Test
	void anAdministratorAddsAnIndicatorFromTheMeasuresAndABadOneIsRefusedWithEveryReason() {
		Actor admin = new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION);
		Indicator added = indicators.define(admin,
				new IndicatorDraft("SEN_HOME_BASED", "Үйде оқитындар", "Обучающиеся на дому", "Taught at home",
						"Үйде оқитындар үлесі", "Доля на дому", "Share taught at home", "SHARE", "SEN_LEARNERS",
						"FORM=HOME_BASED", "SEN_LEARNERS", null, List.of("SEX", "SETTLEMENT"), "LOWER"));
		assertThat(added.productDefault()).isFalse();
		IndicatorValue value = indicators
			.values(MINISTRY, "SEN_HOME_BASED", IndicatorFixture.DISTRICT, fixture.year, Level.SELF, List.of())
			.total();
		expect(value, "0", "4", "0.0");
		assertThatThrownBy(() -> indicators.define(admin,
				new IndicatorDraft("BAD", "a", "b", "c", "d", "e", "f", "SHARE", "SEN_LEARNERS", "FORM=", "SCHOOLS",
						"SEX=MALE", List.of("SPECIALIST", "WEATHER"), "UP")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.messageKey())
						.contains("better:validation.indicator.unknown", "denominator:validation.indicator.subject",
								"numeratorFilter:validation.indicator.filterEmpty",
								"denominatorFilter:validation.indicator.unsupported",
								"disaggregations:validation.indicator.unsupported",
								"disaggregations:validation.indicator.unknown"));
		assertThatThrownBy(() -> indicators.define(admin,
				new IndicatorDraft("NO_DATA", "a", "b", "c", "d", "e", "f", "SHARE", "TEMPERATURE", null, null, null,
						List.of(), "HIGHER")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.messageKey())
						.contains("numerator:validation.indicator.unknown",
								"denominator:validation.indicator.denominatorRequired"));
		assertThatThrownBy(
				() -> indicators.define(MINISTRY,
						new IndicatorDraft("X1", "a", "b", "c", "d", "e", "f", "COUNT", "SEN_LEARNERS", null, null,
								null, List.of(), "HIGHER")))
			.isInstanceOf(org.barshaga.kernel.NotPermittedException.class);
	}

	private IndicatorValue count(String indicator, String place, int year) {
		return indicators.values(MINISTRY, indicator, place, year, Level.SELF, List.of()).total();
	}

	/** The value of each place below, none for no data. */
	private Map<String, BigDecimal> below(String indicator, String place, int year) {
		Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
		indicators.values(MINISTRY, indicator, place, year, Level.CHILDREN, List.of())
			.values()
			.forEach(v -> values.put(v.orgUnit(), v.value()));
		return values;
	}

	private static Map<String, BigDecimal> withData(Map<String, BigDecimal> values) {
		Map<String, BigDecimal> kept = new java.util.LinkedHashMap<>(values);
		kept.values().removeIf(java.util.Objects::isNull);
		return kept;
	}

	@Test
	void outOfSchoolCountsTheChildrenWhereTheyLiveAndEveryLevelAddsUp() {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		oos.nationalRun();
		cache.forget();
		int year = oos.year;
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year), "3", null, "3");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.BAIDIBEK, year), "2", null, "2");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year), "6", null, "6");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.NORTH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", "KZ", year), "7", null, "7");
		// the uncertain are beside, not in, the count; the boy of 18 is not of school age
		expect(count("OUT_OF_SCHOOL_UNCERTAIN", OutOfSchoolFixture.SARYAGASH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL_UNCERTAIN", OutOfSchoolFixture.REGION, year), "2", null, "2");
		expect(count("OUT_OF_SCHOOL_UNCERTAIN", "KZ", year), "2", null, "2");

		// The region is its districts' 3 + 2 and the girl whose district is unknown, who
		// counts in no district; districts the run has no child of school age in have no
		// data.
		Map<String, BigDecimal> districts = below("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year);
		assertThat(withData(districts)).containsOnly(Map.entry(OutOfSchoolFixture.SARYAGASH, new BigDecimal("3")),
				Map.entry(OutOfSchoolFixture.BAIDIBEK, new BigDecimal("2")));
		assertThat(districts).hasSizeGreaterThan(2);
		Map<String, BigDecimal> regions = below("OUT_OF_SCHOOL", "KZ", year);
		assertThat(withData(regions)).containsOnly(Map.entry(OutOfSchoolFixture.REGION, new BigDecimal("6")),
				Map.entry(OutOfSchoolFixture.NORTH, new BigDecimal("1")));
		assertThat(regions.get("KZ-75")).as("a region without a run has no data").isNull();
		assertThat(regions).containsKey("KZ-75");
		Map<String, IndicatorValue> units = indicators.everyUnit("OUT_OF_SCHOOL", year);
		assertThat(units.get("/KZ/").numerator()).isEqualByComparingTo("7");
		assertThat(units.get(OutOfSchoolFixture.REGION_PATH).numerator()).isEqualByComparingTo("6");
		assertThat(units.get(OutOfSchoolFixture.SARYAGASH_PATH).numerator()).isEqualByComparingTo("3");

		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		assertThat(indicators
			.values(researcher, "OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year, Level.SELF, List.of())
			.total()
			.suppressed()).as("3 children: hidden from the public").isTrue();
		assertThat(indicators.values(researcher, "OUT_OF_SCHOOL", "KZ", year, Level.SELF, List.of()).total().value())
			.isEqualByComparingTo("7");
	}

	@Test
	void outOfSchoolIsDividedBySexAndAgeGroupButNotByUrbanOrRural() throws Exception {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		oos.nationalRun();
		cache.forget();
		int year = oos.year;
		assertThat(counts(indicators.values(MINISTRY, "OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year, Level.SELF,
				List.of(Dimension.SEX)), Dimension.SEX))
			.containsOnly(Map.entry("MALE", 1), Map.entry("FEMALE", 2));
		assertThat(counts(indicators.values(MINISTRY, "OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year, Level.SELF,
				List.of(Dimension.SEX)), Dimension.SEX))
			.containsOnly(Map.entry("MALE", 3), Map.entry("FEMALE", 3));
		// age on 1 September: 6, 8, 12 and 14, 16 and 17
		assertThat(counts(indicators.values(MINISTRY, "OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year, Level.SELF,
				List.of(Dimension.AGE_GROUP)), Dimension.AGE_GROUP))
			.containsExactly(Map.entry("AGE_0_6", 1), Map.entry("AGE_7_10", 1), Map.entry("AGE_11_14", 2),
					Map.entry("AGE_15_17", 2));
		// the girls of 12 and 16 are covered, and none of them is uncertain: 0, not no
		// data
		assertThat(counts(indicators.values(MINISTRY, "OUT_OF_SCHOOL_UNCERTAIN", OutOfSchoolFixture.SARYAGASH, year,
				Level.SELF, List.of(Dimension.AGE_GROUP)), Dimension.AGE_GROUP))
			.containsExactly(Map.entry("AGE_7_10", 1), Map.entry("AGE_11_14", 0), Map.entry("AGE_15_17", 0));
		assertThatThrownBy(() -> indicators.values(MINISTRY, "OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year,
				Level.SELF, List.of(Dimension.SETTLEMENT)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.messageKey())
						.containsExactly("by:validation.indicator.by"));
		var refused = mvc
			.perform(get("/api/v1/indicators/OUT_OF_SCHOOL/values?orgUnit=KZ-61&year=" + year + "&by=SETTLEMENT")
				.header("Accept-Language", "ru")
				.with(Demo.as(Demo.MINISTRY)))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("OUT_OF_SCHOOL").contains("SETTLEMENT");
	}

	@Test
	void theNewestFinishedRunOfARegionReplacesTheOlderAndRunsNotFinishedAreIgnored() {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		int year = oos.year;
		oos.nationalRun();
		oos.regionalRun();
		cache.forget();
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year), "2", null, "2");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.BAIDIBEK, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year), "4", null, "4");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.NORTH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", "KZ", year), "5", null, "5");
		expect(count("OUT_OF_SCHOOL_UNCERTAIN", OutOfSchoolFixture.REGION, year), "0", null, "0");
		expect(count("OUT_OF_SCHOOL_UNCERTAIN", "KZ", year), "0", null, "0");

		// newer, but failed, interrupted, still running, or of a part of a region only
		for (String[] run : List.of(new String[] { "/KZ/", "FAILED" }, new String[] { "/KZ/", "INTERRUPTED" },
				new String[] { OutOfSchoolFixture.REGION_PATH, "RUNNING" },
				new String[] { OutOfSchoolFixture.SARYAGASH_PATH, "FINISHED" })) {
			long ignored = oos.run(run[0], run[1]);
			for (int i = 0; i < 5; i++) {
				oos.result(ignored, "OOS-X" + i, "NOT_ENROLLED", OutOfSchoolFixture.SARYAGASH_PATH, "MALE", 10);
			}
			oos.result(ignored, "OOS-Y", "NOT_ENROLLED", OutOfSchoolFixture.AIYRTAU_PATH, "MALE", 10);
		}
		cache.forget();
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year), "2", null, "2");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year), "4", null, "4");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.NORTH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", "KZ", year), "5", null, "5");

		// a third run of the region, finished: the region's figures are its alone
		oos.result(oos.run(OutOfSchoolFixture.REGION_PATH, "FINISHED"), "OOS-Z", "NOT_ENROLLED",
				OutOfSchoolFixture.SARYAGASH_PATH, "MALE", 10);
		cache.forget();
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", "KZ", year), "2", null, "2");
	}

	@Test
	void aNewerRunOfTheCountryCountsForEveryRegionAndARegionItCoversWithNoneOutOfSchoolHasZero() {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		int year = oos.year;
		oos.nationalRun();
		oos.regionalRun();
		long latest = oos.run("/KZ/", "FINISHED");
		oos.result(latest, "OOS-T01", "NOT_ENROLLED", OutOfSchoolFixture.SARYAGASH_PATH, "MALE", 8);
		oos.result(latest, "OOS-T12", "SUPPORTED", OutOfSchoolFixture.AIYRTAU_PATH, "MALE", 9);
		cache.forget();
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.SARYAGASH, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year), "1", null, "1");
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.NORTH, year), "0", null, "0");
		expect(count("OUT_OF_SCHOOL", "KZ", year), "1", null, "1");
		assertThat(count("OUT_OF_SCHOOL", OutOfSchoolFixture.BAIDIBEK, year).noData())
			.as("no child of Baidibek in the newest run: no data")
			.isTrue();
	}

	@Test
	void withNoRunOutOfSchoolIsNoDataNeverZero() {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		int year = oos.year;
		cache.forget();
		for (String place : List.of("KZ", OutOfSchoolFixture.REGION, OutOfSchoolFixture.SARYAGASH)) {
			IndicatorValue value = count("OUT_OF_SCHOOL", place, year);
			assertThat(value.noData()).as(place).isTrue();
			assertThat(value.numerator()).isEqualByComparingTo("0");
		}
		Map<String, BigDecimal> regions = below("OUT_OF_SCHOOL", "KZ", year);
		assertThat(regions).isNotEmpty();
		assertThat(withData(regions)).isEmpty();
		assertThat(withData(below("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, year))).isEmpty();
	}

	@Test
	void aFinishedRunIsCountedOnceItsAuditedCreationIsCommitted() {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		oos.nationalRun();
		cache.forget();
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, oos.year), "6", null, "6");
		oos.regionalRun();
		assertThat(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, oos.year).value())
			.as("written in SQL, outside the audited services: not seen yet")
			.isEqualByComparingTo("6");
		// what Reconciliation records when a run finishes
		cache.changed(new org.barshaga.audit.AuditedChange(org.barshaga.audit.AuditAction.CREATE, "reconcile_run"));
		expect(count("OUT_OF_SCHOOL", OutOfSchoolFixture.REGION, oos.year), "4", null, "4");
	}

	@Test
	void theApiListsOutOfSchoolAndAnswersForTheDistrictsOfARegion() throws Exception {
		OutOfSchoolFixture oos = new OutOfSchoolFixture(jdbc, indicators.currentYear());
		oos.nationalRun();
		cache.forget();
		String catalogue = mvc.perform(get("/api/v1/indicators").with(Demo.as(Demo.MINISTRY)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(catalogue, "$[*].id")).contains("OUT_OF_SCHOOL",
				"OUT_OF_SCHOOL_UNCERTAIN");
		assertThat(JsonPath.<List<String>>read(catalogue, "$[?(@.id == 'OUT_OF_SCHOOL')].unit"))
			.containsExactly("COUNT");
		assertThat(JsonPath.<List<String>>read(catalogue, "$[?(@.id == 'OUT_OF_SCHOOL')].better"))
			.containsExactly("LOWER");
		assertThat(JsonPath.<List<List<String>>>read(catalogue, "$[?(@.id == 'OUT_OF_SCHOOL')].disaggregations"))
			.containsExactly(List.of("SEX", "AGE_GROUP"));
		var response = mvc
			.perform(get("/api/v1/indicators/OUT_OF_SCHOOL/values?orgUnit=KZ-61&year=" + oos.year + "&level=children")
				.with(Demo.as(Demo.MINISTRY)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String body = response.getContentAsString();
		assertThat(JsonPath.<String>read(body, "$.indicator")).isEqualTo("OUT_OF_SCHOOL");
		assertThat(JsonPath.<Integer>read(body, "$.year")).isEqualTo(oos.year);
		assertThat(JsonPath.<List<Object>>read(body, "$.values[?(@.orgUnit == 'KZ-61-D08')].value")).hasSize(1)
			.allSatisfy(v -> assertThat(((Number) v).intValue()).isEqualTo(3));
		assertThat(JsonPath.<List<Object>>read(body, "$.values[?(@.orgUnit == 'KZ-61-D01')].numerator")).hasSize(1)
			.allSatisfy(v -> assertThat(((Number) v).intValue()).isEqualTo(2));
		assertThat(JsonPath.<List<Object>>read(body, "$.values[?(@.orgUnit == 'KZ-61-D02')].value"))
			.as("no data is null")
			.containsExactly((Object) null);
	}

	@Test
	void theDashboardsAndOpenDataShowOutOfSchool() throws Exception {
		for (String url : List.of("/dashboards/compare?indicator=OUT_OF_SCHOOL&lang=en",
				"/dashboards/explore?indicator=OUT_OF_SCHOOL&unit=KZ-61&by=AGE_GROUP&lang=en",
				"/dashboards/explore?indicator=OUT_OF_SCHOOL_UNCERTAIN&unit=KZ-61-D08&by=SEX&lang=en",
				"/open-data?indicator=OUT_OF_SCHOOL&lang=en", "/open-data/OUT_OF_SCHOOL.json?unit=KZ&level=children")) {
			var response = mvc.perform(get(url).with(Demo.as(Demo.RESEARCHER))).andReturn().getResponse();
			assertThat(response.getStatus()).as(url).isEqualTo(200);
			assertThat(response.getContentAsString()).as(url).contains("out of school", "OUT_OF_SCHOOL");
		}
	}

	@Test
	void unknownPlacesAreNotFound() {
		assertThatThrownBy(
				() -> indicators.values(MINISTRY, "COND_REPORTED", "KZ-99-X", fixture.year, Level.SELF, List.of()))
			.isInstanceOf(NotFoundException.class);
	}

}
