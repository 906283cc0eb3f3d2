package org.barshaga.reporting;

import java.time.LocalDate;

import org.barshaga.kernel.SchoolYear;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reporting periods through their pages: the Ministry opens next year's period, deadlines
 * out of order or outside the school year are refused with what is wrong, closing is a
 * change of the version read, and only administrators and the Ministry may do any of it.
 */
@BarshagaTest
class ReportingPeriodsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingPeriods periods;

	@Test
	@Transactional
	void theMinistryOpensAPeriodWithOrderedDeadlinesAndClosesIt() throws Exception {
		int year = periods.years().get(0);
		String y = String.valueOf(year);
		submit(Demo.MINISTRY, post("/admin/reporting-periods?lang=en").param("year", y), y + "-10-20", y + "-10-10",
				y + "-11-01", (year + 2) + "-01-10", "OPEN", 0)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					containsString(
							"Districts approve by: cannot be before the previous level’s deadline (" + y + "-10-20)"),
					containsString("The Ministry accepts by: must fall between " + y + "-10-01 and " + (year + 1)
							+ "-05-31"))));
		assertThat(periods.find(year)).as("nothing is written for a refused period").isEmpty();
		submit(Demo.MINISTRY, post("/admin/reporting-periods").param("year", y), y + "-10-10", y + "-10-20",
				y + "-11-01", y + "-11-15", "OPEN", 0)
			.andExpect(status().is3xxRedirection());
		ReportingPeriod opened = periods.period(year);
		assertThat(opened.census()).isEqualTo(new SchoolYear(year).census()).isEqualTo(LocalDate.of(year, 10, 1));
		assertThat(opened.status()).isEqualTo(PeriodStatus.OPEN);
		assertThat(opened.districtDeadline()).isEqualTo(LocalDate.of(year, 10, 20));
		// a second opening of the same year
		submit(Demo.ADMIN, post("/admin/reporting-periods").param("year", y), y + "-10-10", y + "-10-20", y + "-11-01",
				y + "-11-15", "OPEN", 0)
			.andExpect(status().isConflict());
		submit(Demo.ADMIN, post("/admin/reporting-periods/" + y), y + "-10-10", y + "-10-20", y + "-11-01",
				y + "-11-15", "CLOSED", opened.version())
			.andExpect(status().is3xxRedirection());
		submit(Demo.MINISTRY, post("/admin/reporting-periods/" + y + "?lang=en"), y + "-10-10", y + "-10-25",
				y + "-11-01", y + "-11-15", "OPEN", opened.version())
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else changed this record")));
		assertThat(periods.period(year).status()).isEqualTo(PeriodStatus.CLOSED);
		assertThat(periods.period(year).districtDeadline()).isEqualTo(LocalDate.of(year, 10, 20));
		mvc.perform(get("/admin/reporting-periods?lang=ru").with(as(Demo.MINISTRY)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(year + "–" + (year + 1)), containsString("Закрыт"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'reportingPeriod' AND record_id = :y")
			.param("y", y)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void onlyAdministratorsAndTheMinistryManagePeriods() throws Exception {
		int year = periods.years().get(0);
		String y = String.valueOf(year);
		for (String user : new String[] { Demo.REGION_TURKISTAN, Demo.DISTRICT_SARYAGASH, Demo.SCHOOL,
				Demo.RESEARCHER }) {
			mvc.perform(get("/admin/reporting-periods").with(as(user)).accept(MediaType.TEXT_HTML))
				.andExpect(status().isForbidden());
			submit(user, post("/admin/reporting-periods").param("year", y), y + "-10-10", y + "-10-20", y + "-11-01",
					y + "-11-15", "OPEN", 0)
				.andExpect(status().isForbidden());
		}
		submit(Demo.ADMIN, post("/admin/reporting-periods?lang=en").param("year", "1990"), "1990-10-10", "1990-10-20",
				"1990-11-01", "1990-11-15", "OPEN", 0)
			.andExpect(status().isUnprocessableContent());
		assertThat(periods.find(1990)).isEmpty();
		mvc.perform(get("/admin/reporting-periods/1990").with(as(Demo.ADMIN)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
	}

	private ResultActions submit(String user, MockHttpServletRequestBuilder request, String school, String district,
			String region, String ministry, String status, int version) throws Exception {
		return mvc.perform(request.param("schoolDeadline", school)
			.param("districtDeadline", district)
			.param("regionDeadline", region)
			.param("ministryDeadline", ministry)
			.param("status", status)
			.param("version", String.valueOf(version))
			.with(as(user))
			.with(csrf())
			.accept(MediaType.TEXT_HTML));
	}

}
