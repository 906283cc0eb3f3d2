package org.barshaga.registry;

import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.DISTRICT_SARYAGASH;
import static org.barshaga.support.Demo.SCHOOL;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class OrganisationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFormWithMistakesIsShownAgainWithAnErrorSummaryInTheUsersLanguageAndNothingSaved() throws Exception {
		mvc.perform(post("/organisations").with(as(DISTRICT_SARYAGASH))
			.with(csrf())
			.param("lang", "ru")
			.param("code", "PAGE-BAD")
			.param("type", "GENERAL_SCHOOL")
			.param("nameKk", "")
			.param("nameRu", "Школа со страницы")
			.param("nameEn", "School from the page")
			.param("orgUnitCode", "KZ-61-D08")
			.param("settlement", "RURAL")
			.param("ownership", "STATE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("id=\"error-summary\""), containsString("href=\"#field-nameKk\""),
						containsString("Название на казахском: обязательное поле"),
						containsString("href=\"#field-languages\""), containsString("value=\"Школа со страницы\""))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE code = 'PAGE-BAD'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aValidFormIsSavedAndRedirectsToTheNewRecord() throws Exception {
		mvc.perform(post("/organisations").with(as(DISTRICT_SARYAGASH))
			.with(csrf())
			.param("code", "PAGE-GOOD")
			.param("type", "GENERAL_SCHOOL")
			.param("nameKk", "Беттен мектеп")
			.param("nameRu", "Школа со страницы")
			.param("nameEn", "School from the page")
			.param("orgUnitCode", "KZ-61-D08")
			.param("settlement", "RURAL")
			.param("ownership", "PRIVATE")
			.param("languages", "KK", "RU")
			.param("status", "OPEN"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/organisations/*"))
			.andExpect(flash().attribute("notice", "notice.saved"));
		assertThat(jdbc.sql("SELECT languages FROM organisation WHERE code = 'PAGE-GOOD'").query(String.class).single())
			.isEqualTo("KK,RU");
	}

	@Test
	void postingWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/organisations").with(as(DISTRICT_SARYAGASH)).param("code", "NO-CSRF"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE code = 'NO-CSRF'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aSchoolCoordinatorMayEditOnlyTheirOwnSchoolAndNotMoveIt() throws Exception {
		long own = jdbc.sql("SELECT id FROM organisation WHERE code = 'KZ-61-D08-S001'").query(Long.class).single();
		long neighbour = jdbc.sql("SELECT id FROM organisation WHERE code = 'KZ-61-D08-S002'")
			.query(Long.class)
			.single();
		mvc.perform(get("/organisations/{id}", own).with(as(SCHOOL)))
			.andExpect(content().string(containsString("/organisations/" + own + "/edit")));
		mvc.perform(get("/organisations/{id}", neighbour).with(as(SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/organisations/" + neighbour + "/edit"))));
		mvc.perform(get("/organisations/new").with(as(SCHOOL))).andExpect(status().isForbidden());
		int version = jdbc.sql("SELECT version FROM organisation WHERE id = :id")
			.param("id", own)
			.query(Integer.class)
			.single();
		mvc.perform(post("/organisations/{id}", own).with(as(SCHOOL))
			.with(csrf())
			.param("type", "GENERAL_SCHOOL")
			.param("nameKk", "Көшірілген")
			.param("nameRu", "Перенесённая")
			.param("nameEn", "Moved")
			.param("orgUnitCode", "KZ-61-D01")
			.param("settlement", "URBAN")
			.param("ownership", "STATE")
			.param("languages", "KK")
			.param("status", "OPEN")
			.param("version", Integer.toString(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#field-orgUnitCode\"")));
		assertThat(jdbc.sql("SELECT org_unit_code FROM organisation WHERE id = :id")
			.param("id", own)
			.query(String.class)
			.single()).isEqualTo("KZ-61-D08");
	}

	@Test
	void listPagesKeepTheirFilters() throws Exception {
		mvc.perform(get("/organisations?unit=KZ-61&type=GENERAL_SCHOOL").with(as(SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("page=1")))
			.andExpect(content().string(containsString("type=GENERAL_SCHOOL")));
	}

	@Test
	void unknownPagesAndRecordsAreNotFound() throws Exception {
		mvc.perform(get("/organisations/999999999").with(as(SCHOOL))).andExpect(status().isNotFound());
		mvc.perform(get("/organisations/not-a-number").with(as(SCHOOL))).andExpect(status().isNotFound());
		mvc.perform(get("/units/KZ-00").with(as(SCHOOL))).andExpect(status().isNotFound());
	}

}
