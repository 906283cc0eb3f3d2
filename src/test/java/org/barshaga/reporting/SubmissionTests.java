package org.barshaga.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditedChange;
import org.barshaga.conditions.ConditionItem;
import org.barshaga.conditions.ItemStatus;
import org.barshaga.conditions.PositionType;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.StaffDraft;
import org.barshaga.conditions.Survey;
import org.barshaga.conditions.SurveyDraft;
import org.barshaga.indicators.Indicators;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.barshaga.reporting.ReportingFixture.DISTRICT;
import static org.barshaga.reporting.ReportingFixture.SCHOOL;
import static org.barshaga.reporting.ReportingFixture.at;
import static org.barshaga.reporting.ReportingFixture.conflict;
import static org.barshaga.reporting.ReportingFixture.explainAll;
import static org.barshaga.reporting.ReportingFixture.fields;
import static org.barshaga.reporting.ReportingFixture.refusal;

/**
 * A school's submission through the service on the real database: explanations of the
 * high-importance violations, a closed period, each decision of the district and who may
 * take it, the lock on the school's conditions and staff, and unlocking. Each test runs
 * in a transaction that is rolled back.
 */
@BarshagaTest
@Transactional
class SubmissionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingPeriods periods;

	@Autowired
	Submissions submissions;

	@Autowired
	SchoolConditions conditions;

	@Autowired
	Worklists worklists;

	@Autowired
	Indicators indicators;

	@Autowired
	ApplicationEventPublisher events;

	ReportingFixture fixture;

	int year;

	Actor school;

	Actor district;

	@BeforeEach
	void period() {
		fixture = new ReportingFixture(jdbc, periods);
		year = fixture.openPeriod(conditions.currentYear());
		school = fixture.account(Demo.SCHOOL);
		district = fixture.account(Demo.DISTRICT_SARYAGASH);
	}

	/**
	 * The indicator facts the rules read are cached until a change commits; this test's
	 * changes never commit, so the facts are read again inside its transaction, and
	 * forgotten once it is rolled back.
	 */
	private void readFactsAgain() {
		indicators.recomputeEverything(year);
	}

	@AfterTransaction
	void forgetUncommittedFacts() {
		events.publishEvent(new AuditedChange(AuditAction.UPDATE, "test"));
	}

	/**
	 * Reports conditions created while the survey has no step-free entrance: a high
	 * violation.
	 */
	private void reportWithoutStepFreeEntrance() {
		Survey before = conditions.survey(school, SCHOOL, year);
		conditions.saveSurvey(school, SCHOOL, year,
				new SurveyDraft(Map.of(ConditionItem.STEP_FREE_ENTRANCE, new Survey.Entry(ItemStatus.ABSENT, null)),
						true, LocalDate.of(year, 10, 5), before.version()));
		readFactsAgain();
	}

	private Submission submitted() {
		reportWithoutStepFreeEntrance();
		return submissions.submit(school, SCHOOL, year, explainAll(submissions.violations(school, SCHOOL, year)), null);
	}

	@Test
	void aHighViolationNeedsAnExplanationAndEachIsKeptByRule() {
		reportWithoutStepFreeEntrance();
		var violations = submissions.violations(school, SCHOOL, year);
		assertThat(violations).extracting(ValidationRun.Violation::rule).contains("REPORTED_WITH_STEP_FREE_ENTRANCE");
		Map<String, String> refused = fields(() -> submissions.submit(school, SCHOOL, year, Map.of(), null));
		assertThat(refused).containsEntry("explanation.REPORTED_WITH_STEP_FREE_ENTRANCE",
				"validation.reporting.explain");
		assertThat(refused.keySet()).allMatch(field -> violations.stream()
			.anyMatch(v -> field.equals("explanation." + v.rule()) && v.importance() == Importance.HIGH));
		assertThat(submissions.find(school, SCHOOL, year)).as("nothing is written").isEmpty();

		Submission submission = submissions.submit(school, SCHOOL, year, explainAll(violations), null);
		assertThat(submission.status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(submission.explanations()).containsKey("REPORTED_WITH_STEP_FREE_ENTRANCE")
			.hasSize(violations.stream().map(ValidationRun.Violation::rule).distinct().toList().size());
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'reportSubmission' AND record_id = :id")
					.param("id", String.valueOf(submission.id()))
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
				+ " WHERE u.username = :u AND n.place_code = :school AND n.message_key = 'reporting.notice.SUBMITTED'")
			.param("u", Demo.DISTRICT_SARYAGASH)
			.param("school", SCHOOL)
			.query(Long.class)
			.single()).as("the district is told").isEqualTo(1);
		assertThat(refusal(() -> submissions.submit(school, SCHOOL, year, explainAll(violations), null)))
			.as("a second submission while the first waits")
			.containsExactly("validation.reporting.alreadySubmitted");
	}

	@Test
	void aClosedPeriodOrOneNeverOpenedRefusesSubmissions() {
		fixture.closePeriod(year);
		assertThat(refusal(() -> submissions.submit(school, SCHOOL, year, Map.of(), null)))
			.containsExactly("validation.reporting.periodClosed");
		assertThat(refusal(() -> submissions.submit(school, SCHOOL, year - 9, Map.of(), null)))
			.containsExactly("validation.reporting.noPeriod");
		assertThat(submissions.find(school, SCHOOL, year)).isEmpty();
		assertThat(catchThrowable(() -> submissions.submit(district, SCHOOL, year, Map.of(), null)))
			.as("only the school submits")
			.isInstanceOf(NotPermittedException.class);
		assertThat(catchThrowable(() -> submissions.submit(school, "KZ-61-D08-S002", year, Map.of(), null)))
			.as("another school is outside the coordinator's scope")
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyTheDistrictOfTheSchoolDecidesAndOnlyOnce() {
		Submission submission = submitted();
		long id = submission.id();
		int version = submission.version();
		Actor region = fixture.account(Demo.REGION_TURKISTAN);
		Actor otherDistrict = at(Role.DISTRICT_OFFICER, "/KZ/KZ-61/KZ-61-D01/");
		assertThat(refusal(() -> submissions.approve(region, id, version)))
			.as("the region does not own the school's submission")
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(refusal(() -> submissions.approve(school, id, version)))
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(catchThrowable(() -> submissions.approve(otherDistrict, id, version)))
			.isInstanceOf(NotFoundException.class);
		assertThat(fields(() -> submissions.giveBack(district, id, version, " "))).containsEntry("comment",
				"validation.required");
		conflict(() -> submissions.approve(district, id, version + 1));
		assertThat(submissions.find(school, SCHOOL, year).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);

		Submission approved = submissions.approve(district, id, version);
		assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(Demo.DISTRICT_SARYAGASH);
		assertThat(refusal(() -> submissions.approve(district, id, approved.version()))).as("a second approval")
			.containsExactly("validation.reporting.status.APPROVED");
		assertThat(refusal(() -> submissions.giveBack(district, id, approved.version(), "Too late")))
			.containsExactly("validation.reporting.status.APPROVED");
		assertThat(submissions.find(school, SCHOOL, year).orElseThrow().version()).isEqualTo(approved.version());
	}

	@Test
	void aReturnedSubmissionIsCorrectedAndSubmittedAgainNeverApproved() {
		Submission submission = submitted();
		Submission returned = submissions.giveBack(district, submission.id(), submission.version(),
				"The survey contradicts the report");
		assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
		assertThat(returned.comment()).isEqualTo("The survey contradicts the report");
		assertThat(refusal(() -> submissions.approve(district, returned.id(), returned.version())))
			.containsExactly("validation.reporting.status.RETURNED");
		Worklist schoolList = worklists.of(school, year);
		assertThat(schoolList.returnedRows()).extracting(Worklist.Row::code).containsExactly(SCHOOL);
		assertThat(schoolList.notSubmitted()).isZero();
		assertThat(worklists.of(district, year).waitingRows()).extracting(Worklist.Row::code).doesNotContain(SCHOOL);

		conflict(() -> submissions.submit(school, SCHOOL, year,
				explainAll(submissions.violations(school, SCHOOL, year)), returned.version() - 1));
		Submission again = submissions.submit(school, SCHOOL, year,
				explainAll(submissions.violations(school, SCHOOL, year)), returned.version());
		assertThat(again.status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(again.firstSubmittedAt()).isEqualTo(submission.firstSubmittedAt());
		Worklist districtList = worklists.of(district, year);
		assertThat(districtList.waitingRows()).extracting(Worklist.Row::code).contains(SCHOOL);
		assertThat(districtList.notSubmittedRows()).extracting(Worklist.Row::code)
			.allMatch(code -> code.startsWith(DISTRICT + "-"))
			.doesNotContain(SCHOOL);
		assertThat(worklists.of(fixture.account(Demo.REGION_TURKISTAN), year).notSubmitted())
			.isGreaterThan(districtList.notSubmitted());
	}

	@Test
	void approvedFiguresAreLockedUntilTheDistrictGrantsAnUnlock() {
		Submission submission = submitted();
		Submission approved = submissions.approve(district, submission.id(), submission.version());
		Survey survey = conditions.survey(school, SCHOOL, year);
		SurveyDraft change = new SurveyDraft(
				Map.of(ConditionItem.STEP_FREE_ENTRANCE, new Survey.Entry(ItemStatus.PRESENT, null)), true,
				LocalDate.of(year, 10, 5), survey.version());
		assertThat(refusal(() -> conditions.saveSurvey(school, SCHOOL, year, change)))
			.containsExactly("validation.reporting.locked");
		assertThat(refusal(() -> conditions.saveSurvey(district, SCHOOL, year, change)))
			.as("the lock holds for every writer")
			.containsExactly("validation.reporting.locked");
		StaffDraft teacher = new StaffDraft("Айгерім Серікова", null, PositionType.TEACHER, BigDecimal.ONE, null,
				LocalDate.of(year, 9, 1), null);
		assertThat(refusal(() -> conditions.addStaff(school, SCHOOL, teacher)))
			.containsExactly("validation.reporting.locked");
		assertThat(conditions.survey(school, SCHOOL, year).version()).as("nothing written").isEqualTo(survey.version());

		assertThat(refusal(() -> submissions.grantUnlock(district, approved.id(), approved.version())))
			.as("no request yet")
			.containsExactly("validation.reporting.noUnlockRequest");
		assertThat(fields(() -> submissions.requestUnlock(school, approved.id(), approved.version(), "")))
			.containsEntry("reason", "validation.required");
		Submission requested = submissions.requestUnlock(school, approved.id(), approved.version(),
				"The ramp was counted twice");
		assertThat(requested.unlockReason()).isEqualTo("The ramp was counted twice");
		assertThat(worklists.of(district, year).waitingRows()).filteredOn(Worklist.Row::unlockRequested)
			.extracting(Worklist.Row::code)
			.contains(SCHOOL);
		assertThat(refusal(() -> submissions.grantUnlock(fixture.account(Demo.REGION_TURKISTAN), requested.id(),
				requested.version())))
			.containsExactly("validation.reporting.notYourLevel");
		assertThat(refusal(() -> conditions.saveSurvey(school, SCHOOL, year, change)))
			.as("still locked while the request waits")
			.containsExactly("validation.reporting.locked");

		Submission reopened = submissions.grantUnlock(district, requested.id(), requested.version());
		assertThat(reopened.status()).isEqualTo(SubmissionStatus.REOPENED);
		conditions.saveSurvey(school, SCHOOL, year, change);
		conditions.addStaff(school, SCHOOL, teacher);
		readFactsAgain();
		assertThat(conditions.survey(school, SCHOOL, year).status(ConditionItem.STEP_FREE_ENTRANCE))
			.isEqualTo(ItemStatus.PRESENT);
		Submission again = submissions.submit(school, SCHOOL, year,
				explainAll(submissions.violations(school, SCHOOL, year)), reopened.version());
		assertThat(again.status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'reportSubmission' AND record_id = :id")
					.param("id", String.valueOf(submission.id()))
					.query(Long.class)
					.single())
			.as("submitted, approved, unlock asked, granted, submitted again")
			.isEqualTo(5);
	}

}
