package org.barshaga.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.reporting.PeriodAccepted;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of record on the hand-worked district of {@link IndicatorFixture}: frozen
 * when the period is accepted, fixed while live figures move on, revised with the
 * differences listed, read through the API as of a revision, inside the reader's scope.
 */
@BarshagaTest
@Transactional
class FiguresOfRecordTests {

	static final Actor MINISTRY = IndicatorTests.MINISTRY;

	static final Actor IN_REGION = new Actor(0, "region.test", "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-10/"));

	static final Actor ELSEWHERE = new Actor(0, "district.elsewhere", "Elsewhere", Role.DISTRICT_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	@Autowired
	FiguresOfRecord figures;

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	List<org.barshaga.kernel.CommandLineJob> jobs;

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

	private BigDecimal district(Actor actor, String indicator, String asOf) {
		return figures.values(actor, indicator, IndicatorFixture.DISTRICT, fixture.year, Level.SELF, List.of(), asOf)
			.result()
			.total()
			.value();
	}

	/** School A reported 200 pupils; a correction makes it 300. */
	private void correctSchoolAPupils() {
		jdbc.sql("UPDATE organisation SET pupils = 300 WHERE code = ?").param(IndicatorFixture.SCHOOL_A).update();
		cache.forget();
	}

	private void accept() {
		events.publishEvent(new PeriodAccepted(fixture.year, "ministry"));
	}

	@Test
	void acceptingThePeriodFreezesTheFiguresThatStayWhileLiveOnesMoveOn() {
		assertThat(figures.revisions(fixture.year)).isEmpty();
		accept();
		List<FiguresOfRecord.Revision> revisions = figures.revisions(fixture.year);
		assertThat(revisions).hasSize(1);
		assertThat(revisions.get(0).revision()).isEqualTo(1);
		assertThat(revisions.get(0).frozenBy()).isEqualTo("ministry");
		assertThat(revisions.get(0).reason()).isNull();
		assertThat(revisions.get(0).census()).isEqualTo(fixture.census);
		assertThat(revisions.get(0).values()).isGreaterThan(indicators.catalogue().size());
		assertThat(revisions.get(0).bytes()).isPositive();

		// 3 children with SEN among 203 pupils
		assertThat(district(MINISTRY, "SEN_PER_1000", "approved")).isEqualByComparingTo("14.8");
		correctSchoolAPupils();
		assertThat(district(MINISTRY, "SEN_PER_1000", "live")).isEqualByComparingTo("9.9");
		assertThat(district(MINISTRY, "SEN_PER_1000", null)).isEqualByComparingTo("9.9");
		assertThat(district(MINISTRY, "SEN_PER_1000", "approved")).isEqualByComparingTo("14.8");
		assertThat(district(MINISTRY, "SEN_PER_1000", "1")).isEqualByComparingTo("14.8");

		// every disaggregation and level is computed from the frozen facts as from live
		// ones
		Map<String, Integer> byForm = figures
			.values(MINISTRY, "SEN_BY_FORM", IndicatorFixture.DISTRICT, fixture.year, Level.SELF,
					List.of(Dimension.FORM), "approved")
			.result()
			.values()
			.stream()
			.collect(Collectors.toMap(v -> v.by().get(Dimension.FORM), v -> v.value().intValue()));
		assertThat(byForm).containsEntry("INCLUSIVE_CLASS", 2)
			.containsEntry("SPECIAL_CLASS", 1)
			.containsEntry("NOT_ENROLLED", 1);
		List<IndicatorValue> schools = figures
			.values(MINISTRY, "SEN_PER_1000", IndicatorFixture.DISTRICT, fixture.year, Level.CHILDREN, List.of(),
					"approved")
			.result()
			.values();
		assertThat(schools).extracting(IndicatorValue::orgUnit)
			.containsExactly(IndicatorFixture.SCHOOL_A, IndicatorFixture.SCHOOL_B);
		assertThat(schools.get(0).denominator()).isEqualByComparingTo("200");
	}

	@Test
	void aCorrectionAfterAcceptanceIsARevisionWhoseDifferencesAreListedWithTheReason() {
		accept();
		correctSchoolAPupils();
		assertThatThrownBy(() -> figures.revise(IN_REGION, fixture.year, "pupils corrected"))
			.isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> figures.revise(MINISTRY, fixture.year, " ")).isInstanceOfSatisfying(
				InvalidInputException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidInputException.Problem::field)
					.containsExactly("reason"));
		assertThatThrownBy(() -> figures.revise(MINISTRY, fixture.year + 1, "no such year")).isInstanceOfSatisfying(
				InvalidInputException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidInputException.Problem::messageKey)
					.containsExactly("validation.figures.noRecord"));
		assertThat(figures.revisions(fixture.year)).hasSize(1);

		FiguresOfRecord.Revision second = figures.revise(MINISTRY, fixture.year, "School A's pupils corrected");
		assertThat(second.revision()).isEqualTo(2);
		assertThat(second.reason()).isEqualTo("School A's pupils corrected");
		assertThat(figures.revisions(fixture.year)).extracting(FiguresOfRecord.Revision::revision)
			.containsExactly(2, 1);

		List<FiguresOfRecord.Difference> differences = figures.differences(MINISTRY, fixture.year, 2);
		FiguresOfRecord.Difference district = differences.stream()
			.filter(d -> d.indicator().equals("SEN_PER_1000") && d.path().equals(IndicatorFixture.DISTRICT_PATH))
			.findFirst()
			.orElseThrow();
		assertThat(district.before()).isEqualByComparingTo("14.8");
		assertThat(district.after()).isEqualByComparingTo("9.9");
		assertThat(district.change()).isEqualByComparingTo("-4.9");
		assertThat(district.denominatorBefore()).isEqualByComparingTo("203");
		assertThat(district.denominatorAfter()).isEqualByComparingTo("303");
		assertThat(differences).anyMatch(d -> d.indicator().equals("SEN_PER_1000")
				&& d.orgUnit().equals(IndicatorFixture.SCHOOL_A) && d.organisation());
		// nothing about school B changed
		assertThat(differences).noneMatch(d -> IndicatorFixture.SCHOOL_B.equals(d.orgUnit()));
		assertThat(figures.differences(MINISTRY, fixture.year, 1)).isEmpty();

		// the earlier revision stays readable; approved is the latest
		assertThat(district(MINISTRY, "SEN_PER_1000", "1")).isEqualByComparingTo("14.8");
		assertThat(district(MINISTRY, "SEN_PER_1000", "2")).isEqualByComparingTo("9.9");
		assertThat(district(MINISTRY, "SEN_PER_1000", "APPROVED")).isEqualByComparingTo("9.9");
	}

	@Test
	void theReadersScopeAppliesToFiguresOfRecordAsToLiveOnes() {
		accept();
		correctSchoolAPupils();
		figures.revise(MINISTRY, fixture.year, "pupils corrected");
		assertThat(district(IN_REGION, "SEN_PER_1000", "1")).isEqualByComparingTo("14.8");
		assertThatThrownBy(() -> district(ELSEWHERE, "SEN_PER_1000", "1")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> district(ELSEWHERE, "SEN_PER_1000", "live")).isInstanceOf(NotFoundException.class);
		assertThat(figures.differences(IN_REGION, fixture.year, 2))
			.anyMatch(d -> d.path().equals(IndicatorFixture.DISTRICT_PATH))
			.allMatch(d -> d.path().startsWith("/KZ/KZ-10/"));
		assertThat(figures.differences(ELSEWHERE, fixture.year, 2))
			.noneMatch(d -> d.path().startsWith("/KZ/KZ-10/") || d.path().equals("/KZ/"));
		Actor researcher = new Actor(0, "researcher", "Researcher", Role.RESEARCHER, DataScope.NATION);
		assertThatThrownBy(() -> figures.differences(researcher, fixture.year, 2))
			.isInstanceOf(NotPermittedException.class);
	}

	private MockHttpServletResponse api(String url, String user) throws Exception {
		return mvc.perform(get(url).with(Demo.as(user))).andReturn().getResponse();
	}

	@Test
	void theApiServesValuesAsOfARevisionAndRefusesWhatDoesNotExistInTheUsersLanguage() throws Exception {
		accept();
		correctSchoolAPupils();
		String url = "/api/v1/indicators/SEN_PER_1000/values?orgUnit=" + IndicatorFixture.DISTRICT + "&year="
				+ fixture.year;
		String approved = api(url + "&asOf=approved", Demo.MINISTRY).getContentAsString();
		assertThat(JsonPath.<String>read(approved, "$.asOf")).isEqualTo("1");
		assertThat(JsonPath.<String>read(approved, "$.frozenAt")).isNotBlank();
		assertThat(JsonPath.<Double>read(approved, "$.values[0].value")).isEqualTo(14.8);
		String live = api(url, Demo.MINISTRY).getContentAsString();
		assertThat(JsonPath.<String>read(live, "$.asOf")).isEqualTo("live");
		assertThat(JsonPath.<Double>read(live, "$.values[0].value")).isEqualTo(9.9);
		assertThat(JsonPath.<Double>read(api(url + "&asOf=1", Demo.MINISTRY).getContentAsString(), "$.values[0].value"))
			.isEqualTo(14.8);

		MockHttpServletResponse unknown = api(url + "&asOf=7&lang=en", Demo.MINISTRY);
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(unknown.getContentAsString()).contains("has no revision 7", "1 to 1");
		MockHttpServletResponse bad = api(url + "&asOf=yesterday&lang=ru", Demo.MINISTRY);
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentAsString()).contains("«yesterday»", "номер редакции");
		MockHttpServletResponse noRecord = api(
				"/api/v1/indicators/SEN_PER_1000/values?asOf=approved&lang=en&year=" + indicators.currentYear(),
				Demo.MINISTRY);
		assertThat(noRecord.getStatus()).isEqualTo(400);
		assertThat(noRecord.getContentAsString()).contains("has no figures of record");
		// out of scope stays not found, as for live values
		assertThat(api(url + "&asOf=approved", Demo.DISTRICT_SARYAGASH).getStatus()).isEqualTo(404);

		String revisions = api("/api/v1/figures-of-record?year=" + fixture.year, Demo.MINISTRY).getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(revisions, "$[*].revision")).containsExactly(1);
		var revised = mvc
			.perform(post("/api/v1/figures-of-record/" + fixture.year + "/revisions").with(Demo.as(Demo.MINISTRY))
				.with(csrf())
				.contentType("application/json")
				.content("{\"reason\":\"pupils corrected\"}"))
			.andReturn()
			.getResponse();
		assertThat(revised.getStatus()).isEqualTo(201);
		String differences = api("/api/v1/figures-of-record/" + fixture.year + "/2/differences", Demo.MINISTRY)
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(differences, "$[?(@.indicator == 'SEN_PER_1000')].orgUnit"))
			.contains(IndicatorFixture.DISTRICT, IndicatorFixture.SCHOOL_A);
	}

	@Test
	void thePagesListTheRevisionsAndTheirDifferencesInEachLanguage() throws Exception {
		accept();
		correctSchoolAPupils();
		var refused = mvc
			.perform(post("/figures-of-record/revisions?lang=en").with(Demo.as(Demo.MINISTRY))
				.with(csrf())
				.param("year", String.valueOf(fixture.year))
				.param("reason", ""))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(figures.revisions(fixture.year)).hasSize(1);
		var revised = mvc
			.perform(post("/figures-of-record/revisions").with(Demo.as(Demo.MINISTRY))
				.with(csrf())
				.param("year", String.valueOf(fixture.year))
				.param("reason", "School A pupils corrected"))
			.andReturn()
			.getResponse();
		assertThat(revised.getRedirectedUrl()).isEqualTo("/figures-of-record/" + fixture.year + "/2");
		String list = api("/figures-of-record?lang=en", Demo.MINISTRY).getContentAsString();
		assertThat(list).contains("Figures of record", "Revision 2", "School A pupils corrected",
				"Accepted by the Ministry");
		assertThat(api("/figures-of-record?lang=ru", Demo.MINISTRY).getContentAsString())
			.contains("Утверждённые показатели");
		String page = api("/figures-of-record/" + fixture.year + "/2?lang=en", Demo.MINISTRY).getContentAsString();
		assertThat(page).contains("Values changed from revision 1 to revision 2", "School KZ-10-T01-A", "14.8", "9.9",
				"-4.9");
		assertThat(api("/figures-of-record/" + fixture.year + "/9", Demo.MINISTRY).getStatus()).isEqualTo(404);
		assertThat(api("/figures-of-record", Demo.RESEARCHER).getStatus()).isEqualTo(403);
	}

	@Test
	void theBenchFreezesTheCountryAndServesTheSameQueriesLiveAndAsOfTheRevision() {
		org.barshaga.kernel.CommandLineJob bench = jobs.stream()
			.filter(job -> job.name().equals("bench figures"))
			.findFirst()
			.orElseThrow();
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		assertThat(bench.run(List.of("--rounds", "2", "--queries", "500"),
				new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)))
			.isZero();
		String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(printed).contains("  round 2: ", "Freezing: median", "Value queries as of live",
				"Value queries as of 2 ");
		org.slf4j.LoggerFactory.getLogger(FiguresOfRecordTests.class)
			.info("bench figures on the demo data:\n{}", printed);
		// the bench leaves nothing behind in a database of its own; here the test rolls
		// back
		assertThat(figures.revisions(indicators.currentYear())).extracting(FiguresOfRecord.Revision::frozenBy)
			.containsOnly("bench");
	}

}
