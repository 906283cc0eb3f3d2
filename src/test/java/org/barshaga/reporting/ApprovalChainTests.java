package org.barshaga.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditedChange;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.barshaga.reporting.ReportingFixture.DISTRICT;
import static org.barshaga.reporting.ReportingFixture.at;
import static org.barshaga.reporting.ReportingFixture.refusal;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The levels above the schools on the real database: a region approves its district once
 * every school is approved, the Ministry accepts the region and then the period (which
 * publishes {@link PeriodAccepted}), each refused to the wrong level or with work still
 * pending; the status of every organisation through the API, in the caller's scope; and
 * completeness and timeliness on a hand-made case. The schools' approvals that are not
 * under test are written directly as the setting, in a transaction rolled back.
 */
@BarshagaTest
@Transactional
@RecordApplicationEvents
class ApprovalChainTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingPeriods periods;

	@Autowired
	UnitApprovals approvals;

	@Autowired
	Worklists worklists;

	@Autowired
	Indicators indicators;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApplicationEvents published;

	ReportingFixture fixture;

	int year;

	@BeforeEach
	void period() {
		fixture = new ReportingFixture(jdbc, periods);
		year = fixture.openPeriod(indicators.currentYear());
	}

	@AfterTransaction
	void forgetUncommittedFacts() {
		events.publishEvent(new AuditedChange(AuditAction.UPDATE, "test"));
	}

	/** Every open school of the country submitted, and approved unless under the path. */
	private void schoolsApprovedExceptUnder(String path, Instant at) {
		jdbc.sql("""
				INSERT INTO report_submission (school_year, organisation_id, path, status, first_submitted_at,
					submitted_at, submitted_by, version)
				SELECT :year, o.id, o.path, CASE WHEN o.path LIKE :path THEN 'SUBMITTED' ELSE 'APPROVED' END, :at, :at,
					'test', 0
				FROM organisation o WHERE o.status = 'OPEN' AND o.type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')""")
			.param("year", year)
			.param("path", path + "%")
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Every district and region with schools approved, except the units given. */
	private void unitsApprovedExcept(List<String> pending) {
		jdbc.sql("""
				INSERT INTO unit_approval (school_year, unit_code, path, decided_at, decided_by)
				SELECT :year, u.code, u.path, CURRENT_TIMESTAMP, 'test' FROM org_unit u
				WHERE u.depth IN (1, 2) AND u.valid_to IS NULL AND u.code NOT IN (:pending)""")
			.param("year", year)
			.param("pending", pending)
			.update();
	}

	@Test
	void theRegionApprovesItsDistrictThenTheMinistryAcceptsTheRegionAndThePeriod() {
		String districtPath = fixture.path(ReportingFixture.SCHOOL).replace(ReportingFixture.SCHOOL + "/", "");
		schoolsApprovedExceptUnder(districtPath, Instant.now());
		unitsApprovedExcept(List.of(DISTRICT, "KZ-61"));
		Actor region = fixture.account(Demo.REGION_TURKISTAN);
		Actor ministry = fixture.account(Demo.MINISTRY);
		Actor district = fixture.account(Demo.DISTRICT_SARYAGASH);
		long waiting = jdbc.sql("SELECT COUNT(*) FROM report_submission WHERE school_year = :y AND path LIKE :p")
			.param("y", year)
			.param("p", districtPath + "%")
			.query(Long.class)
			.single();
		assertThat(refusal(() -> approvals.approve(region, DISTRICT, year))).as("schools still waiting")
			.containsExactly("validation.reporting.pending");
		assertThat(worklists.of(district, year).waiting()).isEqualTo(waiting);
		jdbc.sql("UPDATE report_submission SET status = 'APPROVED' WHERE school_year = :y AND path LIKE :p")
			.param("y", year)
			.param("p", districtPath + "%")
			.update();
		assertThat(worklists.of(region, year).unitsReady()).extracting(Worklist.Row::code).containsExactly(DISTRICT);
		assertThat(refusal(() -> approvals.approve(district, DISTRICT, year))).as("a district does not approve itself")
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(refusal(() -> approvals.approve(ministry, DISTRICT, year)))
			.as("the Ministry accepts regions, not districts")
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(catchThrowable(() -> approvals.approve(at(Role.REGION_OFFICER, "/KZ/KZ-75/"), DISTRICT, year)))
			.as("another region's officer")
			.isInstanceOf(NotFoundException.class);
		assertThat(refusal(() -> approvals.approve(ministry, "KZ-61", year))).as("the district is not approved yet")
			.containsExactly("validation.reporting.pending");

		approvals.approve(region, DISTRICT, year);
		assertThat(refusal(() -> approvals.approve(region, DISTRICT, year))).as("a second approval")
			.containsExactly("validation.reporting.alreadyApproved");
		assertThat(refusal(() -> approvals.approve(region, "KZ-61", year)))
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(refusal(() -> approvals.accept(ministry, year))).as("the region is not accepted")
			.containsExactly("validation.reporting.pending");
		assertThat(published.stream(PeriodAccepted.class)).isEmpty();

		approvals.approve(ministry, "KZ-61", year);
		assertThat(refusal(() -> approvals.accept(region, year))).containsExactly("validation.reporting.notYourLevel");
		ReportingPeriod accepted = approvals.accept(ministry, year);
		assertThat(accepted.acceptedAt()).isNotNull();
		assertThat(accepted.acceptedBy()).isEqualTo(Demo.MINISTRY);
		assertThat(published.stream(PeriodAccepted.class)).containsExactly(new PeriodAccepted(year, Demo.MINISTRY));
		assertThat(refusal(() -> approvals.accept(ministry, year))).as("accepted once")
			.containsExactly("validation.reporting.periodClosed");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'unitApproval' AND record_id IN (:ids)")
					.param("ids", List.of(year + ":" + DISTRICT, year + ":KZ-61"))
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void theStatusOfEveryOrganisationIsReadInTheCallersScope() throws Exception {
		schoolsApprovedExceptUnder("/KZ/KZ-61/", Instant.now());
		String body = mvc
			.perform(get("/api/v1/reporting-periods/{y}/status?unit=KZ-61", year).with(as(Demo.REGION_TURKISTAN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(body, "$.organisations[*].code");
		long inRegion = jdbc.sql("SELECT COUNT(*) FROM organisation WHERE path LIKE '/KZ/KZ-61/%'")
			.query(Long.class)
			.single();
		assertThat(codes).hasSize((int) inRegion).allMatch(code -> code.startsWith("KZ-61"));
		Map<String, Integer> counts = JsonPath.read(body, "$.counts");
		assertThat(counts).containsKey("SUBMITTED").doesNotContainKey("APPROVED").doesNotContainKey("NOT_SUBMITTED");
		assertThat(mvc
			.perform(get("/api/v1/reporting-periods/{y}/status?unit=KZ-75", year).with(as(Demo.REGION_TURKISTAN)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/reporting-periods/{y}/status", year).with(as(Demo.RESEARCHER)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		String national = mvc.perform(get("/api/v1/reporting-periods/{y}/status", year).with(as(Demo.MINISTRY)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long all = jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
		assertThat((List<?>) JsonPath.read(national, "$.organisations")).hasSize((int) all);
		String worklist = mvc
			.perform(get("/api/v1/reporting-periods/{y}/worklist", year).with(as(Demo.DISTRICT_SARYAGASH)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> waiting = JsonPath.read(worklist, "$.waitingRows[*].code");
		assertThat(waiting).isNotEmpty().allMatch(code -> code.startsWith(DISTRICT + "-"));
	}

	@Test
	void completenessAndTimelinessCountTheSchoolsThatSubmittedAndThoseOnTime() {
		ReportingPeriod period = periods.period(year);
		List<Long> schools = jdbc.sql("""
				SELECT id FROM organisation WHERE status = 'OPEN' AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')
				AND path LIKE :p ORDER BY code""").param("p", "/KZ/KZ-61/" + DISTRICT + "/%").query(Long.class).list();
		Instant onTime = period.schoolDeadline().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600);
		Instant late = onTime.plusSeconds(86_400);
		submitted(schools.get(0), onTime, "APPROVED");
		submitted(schools.get(1), late, "RETURNED");
		submitted(schools.get(2), onTime.minusSeconds(86_400 * 20), "SUBMITTED");
		indicators.recomputeEverything(year);
		IndicatorValue completeness = indicators.everyUnit("REPORTING_COMPLETENESS", year)
			.get("/KZ/KZ-61/" + DISTRICT + "/");
		IndicatorValue timeliness = indicators.everyUnit("REPORTING_TIMELINESS", year)
			.get("/KZ/KZ-61/" + DISTRICT + "/");
		assertThat(completeness.numerator()).isEqualByComparingTo("3");
		assertThat(timeliness.numerator()).as("the one first submitted after the deadline is late")
			.isEqualByComparingTo("2");
		assertThat(completeness.denominator()).isEqualByComparingTo(String.valueOf(schools.size()));
		assertThat(timeliness.denominator()).isEqualByComparingTo(String.valueOf(schools.size()));
		assertThat(indicators.catalogue()).extracting(i -> i.code())
			.contains("REPORTING_COMPLETENESS", "REPORTING_TIMELINESS");
	}

	private void submitted(long school, Instant first, String status) {
		jdbc.sql("""
				INSERT INTO report_submission (school_year, organisation_id, path, status, first_submitted_at,
					submitted_at, submitted_by, version)
				SELECT :year, id, path, :status, :first, :first, 'test', 0 FROM organisation WHERE id = :id""")
			.param("year", year)
			.param("id", school)
			.param("status", status)
			.param("first", Timestamp.from(first))
			.update();
	}

}
