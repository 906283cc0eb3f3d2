package org.barshaga.reporting;

import java.time.LocalDate;
import java.util.Map;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditedChange;
import org.barshaga.conditions.ConditionItem;
import org.barshaga.conditions.ItemStatus;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.Survey;
import org.barshaga.conditions.SurveyDraft;
import org.barshaga.indicators.Indicators;
import org.barshaga.kernel.Actor;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.reporting.ReportingFixture.SCHOOL;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reporting pages in the three languages: the coordinator submits through the form
 * and is told what to explain, the district returns or approves with the evidence on the
 * page, a stale decision is a conflict, and the notices reach the school.
 */
@BarshagaTest
@Transactional
class ReportingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingPeriods periods;

	@Autowired
	SchoolConditions conditions;

	@Autowired
	Submissions submissions;

	@Autowired
	Indicators indicators;

	@Autowired
	ApplicationEventPublisher events;

	ReportingFixture fixture;

	int year;

	@BeforeEach
	void period() {
		fixture = new ReportingFixture(jdbc, periods);
		year = fixture.openPeriod(conditions.currentYear());
	}

	@AfterTransaction
	void forgetUncommittedFacts() {
		events.publishEvent(new AuditedChange(AuditAction.UPDATE, "test"));
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

	@Test
	void theSchoolSubmitsAndTheDistrictDecidesThroughThePages() throws Exception {
		Actor school = fixture.account(Demo.SCHOOL);
		Survey before = conditions.survey(school, SCHOOL, year);
		conditions.saveSurvey(school, SCHOOL, year,
				new SurveyDraft(Map.of(ConditionItem.STEP_FREE_ENTRANCE, new Survey.Entry(ItemStatus.ABSENT, null)),
						true, LocalDate.of(year, 10, 5), before.version()));
		indicators.recomputeEverything(year);
		String at = "/reporting/schools/" + SCHOOL;
		page(Demo.SCHOOL, get(at + "?year=" + year + "&lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Submit the figures"),
					containsString("Reported and measured conditions"), containsString("Not submitted yet."))));
		form(Demo.SCHOOL, post(at + "/submit?lang=ru").param("year", String.valueOf(year)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(
					"объясните, почему данные нарушают это правило высокой важности (REPORTED_WITH_STEP_FREE_ENTRANCE)")));
		MockHttpServletRequestBuilder submit = post(at + "/submit").param("year", String.valueOf(year));
		for (ValidationRun.Violation violation : submissions.violations(school, SCHOOL, year)) {
			submit = submit.param("explanation." + violation.rule(), "Known: " + violation.rule());
		}
		form(Demo.SCHOOL, submit).andExpect(status().is3xxRedirection());
		Submission submitted = submissions.find(school, SCHOOL, year).orElseThrow();
		assertThat(submitted.explanations()).containsEntry("REPORTED_WITH_STEP_FREE_ENTRANCE",
				"Known: REPORTED_WITH_STEP_FREE_ENTRANCE");

		page(Demo.DISTRICT_SARYAGASH, get(at + "?year=" + year + "&lang=kk")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Бекіту"), containsString("Мектепке қайтару"),
					containsString("Known: REPORTED_WITH_STEP_FREE_ENTRANCE"))));
		String version = String.valueOf(submitted.version());
		form(Demo.DISTRICT_SARYAGASH,
				post(at + "/decision?lang=en").param("year", String.valueOf(year))
					.param("decision", "RETURN")
					.param("version", version))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Comment")));
		form(Demo.DISTRICT_SARYAGASH,
				post(at + "/decision?lang=en").param("year", String.valueOf(year))
					.param("decision", "APPROVE")
					.param("version", String.valueOf(submitted.version() + 1)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else decided on this at the same time")));
		form(Demo.REGION_TURKISTAN,
				post(at + "/decision?lang=en").param("year", String.valueOf(year))
					.param("decision", "APPROVE")
					.param("version", version))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("your level does not approve " + SCHOOL)));
		form(Demo.DISTRICT_SARYAGASH,
				post(at + "/decision").param("year", String.valueOf(year))
					.param("decision", "APPROVE")
					.param("version", version))
			.andExpect(status().is3xxRedirection());
		assertThat(submissions.find(school, SCHOOL, year).orElseThrow().status()).isEqualTo(SubmissionStatus.APPROVED);

		page(Demo.SCHOOL, get("/reporting?year=" + year + "&lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("The figures of " + SCHOOL + " for " + year + "–" + (year + 1)
					+ " were approved and are locked (" + Demo.DISTRICT_SARYAGASH + ").")));
		page(Demo.SCHOOL, get(at + "?year=" + year + "&lang=ru")).andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Попросить открыть"), not(containsString("Сдать данные")))));
	}

	@Test
	void theCyclePageSpeaksEachLanguageAndOnlyToThoseInTheCycle() throws Exception {
		page(Demo.MINISTRY, get("/reporting?year=" + year + "&lang=en")).andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Accept the period"), containsString("Schools that have not submitted"))));
		page(Demo.REGION_TURKISTAN, get("/reporting?year=" + year + "&lang=ru")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Школы, не сдавшие данные")));
		page(Demo.DISTRICT_SARYAGASH, get("/reporting?year=" + year + "&lang=kk")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Деректерін тапсырмаған мектептер")));
		form(Demo.MINISTRY, post("/reporting/periods/" + year + "/accept?lang=en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be approved yet")));
		form(Demo.REGION_TURKISTAN,
				post("/reporting/units/KZ-61-D08/approve?lang=en").param("year", String.valueOf(year)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("KZ-61-D08 cannot be approved yet")));
		page(Demo.RESEARCHER, get("/reporting")).andExpect(status().isForbidden());
		page(Demo.SPECIALIST, get("/reporting/schools/" + SCHOOL)).andExpect(status().isForbidden());
		page(Demo.DISTRICT_SARYAGASH, get("/reporting/schools/KZ-75-D01-S001")).andExpect(status().isNotFound());
	}

}
