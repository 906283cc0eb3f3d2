package org.barshaga.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.SmtpPort;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of a submission that commit: the e-mail each sends through a real SMTP server
 * (GreenMail, listening on the port the shared context is configured with), and two
 * officers deciding on the same submission at once, of whom exactly one wins. The test
 * works on a school of its own with accounts of its own, and removes them afterwards.
 */
@BarshagaTest
class ReportingMailTests {

	private static final String DISTRICT_MAIL = "district.officer@barshaga.test";

	private static final String SCHOOL_MAIL = "school.coordinator@barshaga.test";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingPeriods periods;

	@Autowired
	Submissions submissions;

	@Autowired
	ValidationRuns runs;

	GreenMail smtp;

	ReportingFixture fixture;

	String school;

	int year;

	boolean periodExisted;

	@BeforeEach
	void setUp() {
		smtp = new GreenMail(new ServerSetup(SmtpPort.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		fixture = new ReportingFixture(jdbc, periods);
		year = runs.currentYear();
		periodExisted = periods.find(year).isPresent();
		fixture.openPeriod(year);
		school = jdbc.sql("""
				SELECT MAX(code) FROM organisation WHERE status = 'OPEN' AND type = 'GENERAL_SCHOOL'
				AND path LIKE '/KZ/KZ-61/KZ-61-D08/%'""").query(String.class).single();
		account("mail.district", DISTRICT_MAIL, "DISTRICT_OFFICER", "'KZ-61-D08'", "NULL", "/KZ/KZ-61/KZ-61-D08/");
		long organisation = jdbc.sql("SELECT id FROM organisation WHERE code = :c")
			.param("c", school)
			.query(Long.class)
			.single();
		account("mail.school", SCHOOL_MAIL, "SCHOOL_COORDINATOR", "NULL", String.valueOf(organisation),
				fixture.path(school));
	}

	private void account(String username, String email, String role, String unit, String organisation, String path) {
		jdbc.sql("INSERT INTO app_user (username, full_name, email, password_hash, role, scope_unit_code,"
				+ " scope_organisation_id, scope_path, enabled, created_at, created_by, updated_at, updated_by)"
				+ " VALUES (:u, 'Mail Test', :e, 'not-a-hash', :r, " + unit + ", " + organisation
				+ ", :p, TRUE, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')")
			.param("u", username)
			.param("e", email)
			.param("r", role)
			.param("p", path)
			.update();
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		jdbc.sql("DELETE FROM notification WHERE place_code = :c OR user_id IN"
				+ " (SELECT id FROM app_user WHERE username IN ('mail.district', 'mail.school'))")
			.param("c", school)
			.update();
		jdbc.sql("DELETE FROM report_explanation WHERE submission_id IN (SELECT s.id FROM report_submission s"
				+ " JOIN organisation o ON o.id = s.organisation_id WHERE o.code = :c)")
			.param("c", school)
			.update();
		jdbc.sql("DELETE FROM report_submission WHERE organisation_id = (SELECT id FROM organisation WHERE code = :c)")
			.param("c", school)
			.update();
		jdbc.sql("DELETE FROM app_user WHERE username IN ('mail.district', 'mail.school')").update();
		if (!periodExisted) {
			jdbc.sql("DELETE FROM reporting_period WHERE school_year = :y").param("y", year).update();
		}
	}

	@Test
	void eachStepIsMailedAndOfTwoDecisionsAtOnceExactlyOneWins() throws Exception {
		Actor coordinator = fixture.account("mail.school");
		Submission submission = submissions.submit(coordinator, school, year,
				ReportingFixture.explainAll(submissions.violations(coordinator, school, year)), null);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("the district is mailed").isTrue();
		MimeMessage submitted = smtp.getReceivedMessages()[0];
		assertThat(submitted.getAllRecipients()).extracting(Object::toString).containsExactly(DISTRICT_MAIL);
		assertThat(submitted.getSubject()).contains(school);
		assertThat(String.valueOf(submitted.getContent())).contains(school + " submitted its figures");

		Actor first = fixture.account("mail.district");
		Actor second = fixture.account(Demo.DISTRICT_SARYAGASH);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService officers = Executors.newFixedThreadPool(2);
		List<Future<Submission>> decisions = new ArrayList<>();
		try {
			decisions.add(officers.submit(() -> {
				start.await();
				return submissions.approve(first, submission.id(), submission.version());
			}));
			decisions.add(officers.submit(() -> {
				start.await();
				return submissions.giveBack(second, submission.id(), submission.version(), "Check the survey");
			}));
			start.countDown();
			List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
			for (Future<Submission> decision : decisions) {
				try {
					outcomes.add(decision.get(60, TimeUnit.SECONDS).status());
				}
				catch (java.util.concurrent.ExecutionException failed) {
					outcomes.add(failed.getCause().getClass());
				}
			}
			assertThat(outcomes).as("one wins, the other gets a conflict")
				.containsOnlyOnce(EditConflictException.class);
			assertThat(outcomes).filteredOn(o -> o instanceof SubmissionStatus).hasSize(1);
			SubmissionStatus won = (SubmissionStatus) outcomes.stream()
				.filter(o -> o instanceof SubmissionStatus)
				.findFirst()
				.orElseThrow();
			Submission after = submissions.find(coordinator, school, year).orElseThrow();
			assertThat(after.status()).isEqualTo(won);
			assertThat(after.version()).isEqualTo(submission.version() + 1);
		}
		finally {
			officers.shutdownNow();
		}
		assertThat(smtp.waitForIncomingEmail(10_000, 2)).as("the school is mailed the decision").isTrue();
		MimeMessage decided = smtp.getReceivedMessages()[1];
		assertThat(decided.getAllRecipients()).extracting(Object::toString).containsExactly(SCHOOL_MAIL);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

}
