package org.barshaga.conditions;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The conditions pages: a coordinator's survey and staff, the district's list, the
 * administrators' criteria.
 */
@BarshagaTest
class ConditionsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchoolConditions conditions;

	@Test
	@Transactional
	void theCoordinatorFillsInTheSurveyAndStaffInThePages() throws Exception {
		int year = conditions.currentYear();
		mvc.perform(get("/conditions").with(as(Demo.SCHOOL)).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/schools/KZ-61-D08-S001/conditions"));
		page(Demo.SCHOOL, get("/schools/KZ-61-D08-S001/conditions?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Step-free approach and entrance"),
					containsString("What to fix first"), containsString("name=\"status.ACCESSIBLE_TOILET\""))));
		int version = jdbc
			.sql("SELECT s.version FROM condition_survey s JOIN organisation o ON o.id = s.organisation_id"
					+ " WHERE o.code = 'KZ-61-D08-S001' AND s.school_year = :y")
			.param("y", year)
			.query(Integer.class)
			.single();
		form(post("/schools/KZ-61-D08-S001/conditions?year=" + year + "&lang=ru")
			.param("version", String.valueOf(version))
			.param("status.STEP_FREE_ENTRANCE", "PRESENT")
			.param("note.STEP_FREE_ENTRANCE", "x".repeat(401))
			.param("reportedCreated", "true")).andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("не более 400 символов"), containsString("укажите дату отчёта школы"))));
		form(post("/schools/KZ-61-D08-S001/conditions?year=" + year).param("version", String.valueOf(version))
			.param("status.STEP_FREE_ENTRANCE", "PRESENT")
			.param("note.STEP_FREE_ENTRANCE", "new ramp")
			.param("reportedCreated", "true")
			.param("reportedOn", year + "-10-05")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				SELECT i.note FROM condition_item i JOIN condition_survey s ON s.id = i.survey_id
				JOIN organisation o ON o.id = s.organisation_id
				WHERE o.code = 'KZ-61-D08-S001' AND s.school_year = :y AND i.item = 'STEP_FREE_ENTRANCE'""")
			.param("y", year)
			.query(String.class)
			.single()).isEqualTo("new ramp");
		form(post("/schools/KZ-61-D08-S001/staff?lang=en").param("fullName", "Page Therapist")
			.param("position", "SPEECH_THERAPIST")
			.param("fte", "3")
			.param("startedOn", "2025-09-01")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("at most 2 per person")));
		form(post("/schools/KZ-61-D08-S001/staff").param("fullName", "Page Therapist")
			.param("position", "SPEECH_THERAPIST")
			.param("fte", "0,5")
			.param("startedOn", "2025-09-01")).andExpect(status().is3xxRedirection());
		long staff = jdbc.sql("SELECT id FROM staff_member WHERE full_name = 'Page Therapist'")
			.query(Long.class)
			.single();
		form(post("/schools/KZ-61-D08-S001/staff/" + staff + "/trainings").param("course", "Inclusive practice")
			.param("provider", "NAE")
			.param("hours", "72")
			.param("completedOn", "2025-06-01")
			.param("inclusive", "true")).andExpect(status().is3xxRedirection());
		page(Demo.SCHOOL, get("/schools/KZ-61-D08-S001/staff?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Page Therapist"), containsString("Inclusive practice"))));
	}

	@Test
	void theDistrictSeesReportedAgainstMeasuredAndTheStaffingGap() throws Exception {
		page(Demo.DISTRICT_SARYAGASH, get("/units/KZ-61-D08/conditions?gaps=true&lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Reported and measured disagree"),
					containsString("does not meet the criteria"), containsString("the product’s default criteria"))));
		page(Demo.DISTRICT_SARYAGASH, get("/units/KZ-61-D08/staffing?lang=en")).andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Schools with a gap"), containsString("Speech therapist"))));
		page(Demo.DISTRICT_SARYAGASH, get("/units/KZ-75/conditions")).andExpect(status().isNotFound());
	}

	@Test
	@Transactional
	void anAdministratorPublishesANewVersionAndABadRuleIsShownWithItsLine() throws Exception {
		page(Demo.ADMIN, get("/admin/criteria?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("step_free_entrance: item.STEP_FREE_ENTRANCE &gt;= 1")));
		mvc.perform(post("/admin/criteria/SDG_4A1D?lang=en").param("rules", "infra: all(STEP_FREE_ENTRANCE, ROOF)")
			.with(as(Demo.ADMIN))
			.with(csrf())
			.accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("line 1: ROOF is not a survey item"),
					containsString("href=\"#field-rules\""))));
		mvc.perform(post("/admin/criteria/SDG_4A1D").param("rules", "infra: all(STEP_FREE_ENTRANCE)")
			.with(as(Demo.ADMIN))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
		assertThat(conditions.criteriaSet("SDG_4A1D").current().version()).isEqualTo(2);
		page(Demo.DISTRICT_SARYAGASH, get("/admin/criteria")).andExpect(status().isForbidden());
		page(Demo.ADMIN, get("/admin/staffing-norms?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Weekly hours one FTE gives: speech therapist")));
		mvc.perform(post("/admin/staffing-norms").param("normHours.SPEECH_THERAPIST", "-3")
			.with(as(Demo.ADMIN))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)).andExpect(status().isUnprocessableContent());
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(Demo.SCHOOL)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

}
