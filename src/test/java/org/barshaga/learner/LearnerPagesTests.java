package org.barshaga.learner;

import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * A school coordinator records a child end to end in the pages: every form renders, a
 * mistake comes back in the user's language with nothing saved, and each valid form lands
 * in the record.
 */
@BarshagaTest
class LearnerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorRecordsAChildEndToEndInThePages() throws Exception {
		String iin = unusedIin(LocalDate.of(2015, 9, 1), Sex.MALE);
		page(get("/learners/new?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Register a learner"), containsString("field-iin"))));
		String location = form(post("/learners").param("iin", iin)
			.param("surname", "Беттен")
			.param("givenName", "Нұрислам")
			.param("birthDate", "2015-09-01")
			.param("sex", "MALE")
			.param("citizenship", "KZ")
			.param("language", "KK")
			.param("disability", "NONE")
			.param("homeUnitCode", "KZ-61-D08")
			.param("grade", "5")
			.param("form", "INCLUSIVE_CLASS")
			.param("startedOn", LocalDate.now().minusDays(30).toString())).andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/learners/\\d+");
		String record = location;
		for (String section : List.of("guardians", "consents", "conclusions", "functioning", "enrolments",
				"support-levels", "plans", "sessions", "devices")) {
			page(get(record + "/" + section + "/new?lang=ru")).andExpect(status().isOk());
		}
		form(post(record + "/guardians").param("relation", "MOTHER").param("fullName", "Беттен Айгүл"))
			.andExpect(status().is3xxRedirection());
		for (String purpose : List.of("EXAMINATION", "DATA_PROCESSING", "SHARING_WITH_SCHOOL")) {
			form(post(record + "/consents").param("purpose", purpose).param("givenOn", days(40)))
				.andExpect(status().is3xxRedirection());
		}
		String pmpc = jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/%'")
			.query(String.class)
			.single();
		form(post(record + "/conclusions?lang=ru").param("concludedOn", days(30))
			.param("pmpcCode", pmpc)
			.param("number", "P-7")
			.param("programme", "GENERAL_ADAPTED")
			.param("form", "INCLUSIVE_CLASS")
			.param("hours.SPEECH_THERAPIST", "-1")
			.param("nextReviewOn", days(40)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-summary\""),
					containsString("href=\"#field-senCategories\""), containsString("выберите хотя бы одну категорию"),
					containsString("href=\"#field-hours.SPEECH_THERAPIST\""),
					containsString("дата пересмотра должна быть позже даты заключения"),
					containsString("value=\"P-7\""))));
		form(post(record + "/conclusions").param("concludedOn", days(30))
			.param("pmpcCode", pmpc)
			.param("number", "P-7")
			.param("senCategories", "SPEECH", "DEVELOPMENTAL_DELAY")
			.param("programme", "GENERAL_ADAPTED")
			.param("form", "SPECIAL_CLASS")
			.param("hours.SPEECH_THERAPIST", "2,5")
			.param("nextReviewOn", days(-300))).andExpect(status().is3xxRedirection());
		form(post(record + "/functioning").param("ageGroup", "5-17")
			.param("assessedOn", days(20))
			.param("answers.seeing", "NO_DIFFICULTY")
			.param("answers.communicationOutsideHousehold", "A_LOT_OF_DIFFICULTY"))
			.andExpect(status().is3xxRedirection());
		form(post(record + "/support-levels").param("level", "2").param("setOn", days(10)).param("rationale", "PMPC"))
			.andExpect(status().is3xxRedirection());
		int year = SchoolYear.of(LocalDate.now()).startYear();
		form(post(record + "/plans").param("schoolYear", String.valueOf(year))
			.param("startedOn", new SchoolYear(year).start().plusDays(5).toString())
			.param("adaptations", "Extra time")).andExpect(status().is3xxRedirection());
		long learner = Long.parseLong(record.substring(record.lastIndexOf('/') + 1));
		long plan = jdbc.sql("SELECT id FROM plan WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		page(get(record + "/plans/" + plan + "/goals/new")).andExpect(status().isOk());
		form(post(record + "/plans/" + plan + "/goals").param("domain", "COMMUNICATION")
			.param("description", "Answers questions")
			.param("baseline", "one word")
			.param("target", "short sentences")
			.param("measure", "observation")).andExpect(status().is3xxRedirection());
		long goal = jdbc.sql("SELECT id FROM plan_goal WHERE plan_id = :id")
			.param("id", plan)
			.query(Long.class)
			.single();
		page(get(record + "/plans/" + plan + "/services/new")).andExpect(status().isOk());
		form(post(record + "/plans/" + plan + "/services").param("specialist", "SPEECH_THERAPIST")
			.param("weeklyHours", "2.5")
			.param("assignedUsername", "specialist.demo")).andExpect(status().is3xxRedirection());
		page(get(record + "/plans/" + plan + "/reviews/new?lang=kk")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Answers questions")));
		form(post(record + "/plans/" + plan + "/reviews").param("term", "1")
			.param("reviewedOn", days(1))
			.param("score." + goal, "2")
			.param("remark." + goal, "well done")).andExpect(status().is3xxRedirection());
		form(post(record + "/sessions").param("heldOn", days(0))
			.param("minutes", "40")
			.param("specialist", "SPEECH_THERAPIST")
			.param("grouped", "false")
			.param("attended", "true")).andExpect(status().is3xxRedirection());
		form(post(record + "/devices").param("deviceKind", "AAC_DEVICE")
			.param("providedOn", days(3))
			.param("condition", "GOOD")).andExpect(status().is3xxRedirection());
		page(get(record + "/plans/" + plan + "/edit")).andExpect(status().isOk());
		page(get(record + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Беттен Нұрислам"),
					containsString("Functional difficulty: yes"), containsString("Speech and language disorder"),
					containsString("Answers questions"), containsString("+2 much more than expected"),
					containsString("Communication device (AAC)"), containsString("Level 2: targeted"))));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'learner' AND record_id = :id "
					+ "AND action = 'READ' AND actor = 'school.demo'")
			.param("id", String.valueOf(learner))
			.query(Long.class)
			.single()).isGreaterThan(5);
		long guardian = jdbc.sql("SELECT id FROM guardian WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		page(get(record + "/guardians/" + guardian + "/edit?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Беттен Айгүл\"")));
		form(post(record + "/guardians/" + guardian).param("relation", "MOTHER")
			.param("fullName", "Беттен Айгүл Серікқызы")
			.param("version", "0")).andExpect(status().is3xxRedirection());
		form(post(record + "/guardians/" + guardian).param("relation", "MOTHER")
			.param("fullName", "Stale")
			.param("version", "0")).andExpect(status().isConflict());
		long device = jdbc.sql("SELECT id FROM device WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		page(get(record + "/devices/" + device + "/edit")).andExpect(status().isOk());
		form(post(record + "/devices/" + device).param("deviceKind", "AAC_DEVICE")
			.param("providedOn", days(3))
			.param("returnedOn", days(0))
			.param("condition", "WORN")
			.param("version", "0")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT device_condition FROM device WHERE id = :id")
			.param("id", device)
			.query(String.class)
			.single()).isEqualTo("WORN");
		long consent = jdbc.sql("SELECT id FROM consent WHERE learner_id = :id AND purpose = 'DATA_PROCESSING'")
			.param("id", learner)
			.query(Long.class)
			.single();
		page(get(record + "/consents/" + consent + "/withdrawal")).andExpect(status().isOk());
		form(post(record + "/consents/" + consent + "/withdrawal").param("withdrawnOn", days(0)))
			.andExpect(status().is3xxRedirection());
		page(get(record + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Processing restricted"),
					org.hamcrest.Matchers.not(containsString("Answers questions")))));
		long enrolment = jdbc.sql("SELECT id FROM enrolment WHERE learner_id = :id AND ended_on IS NULL")
			.param("id", learner)
			.query(Long.class)
			.single();
		page(get(record + "/enrolments/" + enrolment + "/end")).andExpect(status().isOk());
	}

	@Test
	void aStaleIdentityFormIsRefusedWithAMessageAndADuplicateIinLinksToTheRecord() throws Exception {
		long id = jdbc.sql("SELECT MIN(id) FROM learner WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/%'")
			.query(Long.class)
			.single();
		Learner learner = jdbc.sql("SELECT iin, birth_date, sex, version FROM learner WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Learner(id, rs.getString("iin"), null, null, null, null,
					rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")), null, null, null, null,
					null, null, null, rs.getInt("version")))
			.single();
		page(get("/learners/" + id + "/edit")).andExpect(status().isOk());
		form(post("/learners/" + id + "?lang=en").param("iin", learner.iin())
			.param("surname", "Stale")
			.param("givenName", "Edit")
			.param("birthDate", learner.birthDate().toString())
			.param("sex", learner.sex().name())
			.param("citizenship", "KZ")
			.param("language", "KK")
			.param("disability", "NONE")
			.param("homeUnitCode", "KZ-61-D08")
			.param("version", String.valueOf(learner.version() - 1))).andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else changed this record")));
		form(post("/learners?lang=en").param("iin", learner.iin())
			.param("surname", "Again")
			.param("givenName", "Same")
			.param("birthDate", learner.birthDate().toString())
			.param("sex", learner.sex().name())
			.param("citizenship", "KZ")
			.param("language", "KK")
			.param("disability", "NONE")
			.param("homeUnitCode", "KZ-61-D08")
			.param("form", "INCLUSIVE_CLASS")
			.param("startedOn", days(1))).andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("already registered"), containsString("href=\"/learners/" + id + "\""))));
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM learner WHERE surname IN ('Stale', 'Again')").query(Long.class).single())
			.isZero();
	}

	@Test
	void theListShowsWorklistsWithCountsAndTheHomePageCountsThem() throws Exception {
		page(get("/learners?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("PMPC review due within 30 days or overdue"),
					containsString("Recommended service not delivered last month"))));
		page(get("/learners?worklist=REVIEW_DUE&lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("review date is within 30 days")));
		page(get("/?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("What needs attention"),
					containsString("/learners?worklist=CONSENT_MISSING"))));
		mvc.perform(get("/learners").with(as(Demo.RESEARCHER)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
	}

	private ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(Demo.SCHOOL)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(Demo.SCHOOL)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

	private String unusedIin(LocalDate birth, Sex sex) {
		for (int serial = 8000;; serial++) {
			String iin = Iin.of(birth, sex, serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
				.param("iin", iin)
				.query(Long.class)
				.single() == 0) {
				return iin;
			}
		}
	}

	private static String days(int ago) {
		return LocalDate.now().minusDays(ago).toString();
	}

}
