package org.barshaga.reconcile;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reconciliation pages as officers use them, on a fixture of a school year of its own
 * (2031) in Turkistan region: children of every outcome in Baidibek district (which has
 * no demo health records), a child out of school in Saryagash, a run made by the
 * administrator, and then the overview, the lists, the review of the uncertain link and
 * its decision, read through HTTP by an officer of each district, the region and a
 * researcher.
 */
@BarshagaTest
class ReconcilePagesTests {

	static final int YEAR = 2031;

	static final String DISTRICT = "KZ-61-D01";

	/** Saryagash, whose demo officer is the neighbour of the fixture's district. */
	static final String OTHER_DISTRICT = "KZ-61-D08";

	static final String NEIGHBOUR = Demo.DISTRICT_SARYAGASH;

	/** An officer of the fixture's district, created once for these tests. */
	static final String OFFICER = "district.rcp-baidibek";

	static final String OFFICER_PASSWORD = "Baidibek-Passw0rd-2031";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reconciliation reconciliation;

	Actor admin;

	/**
	 * The demo learners with a conclusion: the first given support in 2031, the second
	 * not.
	 */
	Map<String, Object> supported;

	Map<String, Object> unsupported;

	String newPupil;

	String uncertainPupil;

	/** The two first schools of the district. */
	String school1;

	String school2;

	final List<String> pupils = new ArrayList<>();

	@BeforeEach
	void fixture() {
		admin = new Actor(jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single(),
				"admin", "Administrator", Role.ADMIN, DataScope.NATION);
		officer();
		// demo learners with a conclusion whom no health record names (the demo's records
		// are
		// of Saryagash and Almaty)
		List<Map<String, Object>> learners = jdbc.sql("""
				SELECT l.id, TRIM(l.iin) AS iin, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex
				FROM learner l
				WHERE l.iin IS NOT NULL AND l.path NOT LIKE '/KZ/KZ-61/KZ-61-D08/%' AND l.path NOT LIKE '/KZ/KZ-75/%'
					AND EXISTS (SELECT 1 FROM conclusion c WHERE c.learner_id = l.id)
					AND l.iin NOT IN (SELECT iin FROM enrolment_extract WHERE school_year = :year)
					AND l.iin NOT IN (SELECT iin FROM health_registry_record WHERE iin IS NOT NULL)
				ORDER BY l.id LIMIT 2""").param("year", YEAR).query().listOfRows();
		supported = learners.get(0);
		unsupported = learners.get(1);
		List<String> schools = jdbc
			.sql("SELECT code FROM organisation WHERE code LIKE 'KZ-61-D01-S%' ORDER BY code LIMIT 2")
			.query(String.class)
			.list();
		school1 = schools.get(0);
		school2 = schools.get(1);
		long s1 = school(school1);
		long s2 = school(school2);
		jdbc.sql("""
				INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, recorded_at,
					recorded_by) VALUES (?, ?, 40, 'SPEECH_THERAPIST', FALSE, TRUE, ?, 'rcp-test')""")
			.params(supported.get("id"), LocalDate.of(YEAR, 10, 5), Timestamp.from(Instant.now()))
			.update();
		enrol(supported, s1);
		enrol(unsupported, s1);
		newPupil = unusedIin(LocalDate.of(2019, 3, 14), Sex.FEMALE, 9401);
		enrol(newPupil, "Сейітова", "Аружан", "Ерланқызы", LocalDate.of(2019, 3, 14), Sex.FEMALE, s1);
		uncertainPupil = unusedIin(LocalDate.of(2018, 5, 7), Sex.MALE, 9411);
		enrol(uncertainPupil, "Қасымов", "Ерлан", "Серікұлы", LocalDate.of(2018, 5, 7), Sex.MALE, s2);

		health("RCP-1", iin(supported), (String) supported.get("surname"), (String) supported.get("given_name"),
				(String) supported.get("patronymic"), date(supported.get("birth_date")), (String) supported.get("sex"),
				DISTRICT);
		health("RCP-2", newPupil, "Сейітова", "Аружан", "Ерланқызы", LocalDate.of(2019, 3, 14), "FEMALE", DISTRICT);
		// the uncertain one: no IIN, Latin letters, day and month of birth swapped
		health("RCP-3", null, "Kasymov", "Yerlan", null, LocalDate.of(2018, 7, 5), "MALE", DISTRICT);
		health("RCP-4", unusedIin(LocalDate.of(2020, 1, 10), Sex.MALE, 9421), "Оспанов", "Дархан", "Асқарұлы",
				LocalDate.of(2020, 1, 10), "MALE", DISTRICT);
		health("RCP-5", unusedIin(LocalDate.of(2029, 2, 2), Sex.FEMALE, 9431), "Оспанова", "Әйгерім", null,
				LocalDate.of(2029, 2, 2), "FEMALE", DISTRICT);
		health("RCP-6", unusedIin(LocalDate.of(2016, 6, 1), Sex.FEMALE, 9441), "Серікова", "Дана", null,
				LocalDate.of(2016, 6, 1), "FEMALE", OTHER_DISTRICT);
		health("RCP-7", iin(unsupported), (String) unsupported.get("surname"), (String) unsupported.get("given_name"),
				(String) unsupported.get("patronymic"), date(unsupported.get("birth_date")),
				(String) unsupported.get("sex"), DISTRICT);
	}

	@AfterEach
	void removeFixture() {
		jdbc.sql("DELETE FROM health_registry_record WHERE record_id LIKE 'RCP-%'").update();
		jdbc.sql("DELETE FROM reconcile_decision WHERE record_id LIKE 'RCP-%'").update();
		jdbc.sql("DELETE FROM support_session WHERE recorded_by = 'rcp-test'").update();
		for (String iin : pupils) {
			jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ? AND iin = ?").params(YEAR, iin).update();
		}
	}

	@Test
	void theOverviewCountsEachOutcomeOfThePlacesBelowAndLinksToTheLists() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		Document district = page("/reconcile?year=" + YEAR + "&lang=en", OFFICER);
		// columns: supported, no SEN record, no support, not enrolled, not school age,
		// uncertain, all
		assertThat(counts(district, school1)).containsExactly("1", "1", "1", "0", "0", "0", "3");
		Element own = district.select("#summary tbody tr").last();
		assertThat(own.selectFirst("th").text())
			.isEqualTo("Baidibek District: residents without a school in the district");
		assertThat(own.select("td").eachText()).containsExactly("0", "0", "0", "1", "1", "1", "3");
		assertThat(district.select("#summary tbody tr")).hasSize(2);
		assertThat(district.select("#summary tfoot td").eachText()).containsExactly("1", "1", "1", "1", "1", "1", "6");
		assertThat(district.selectFirst("tr[data-code=" + school1 + "] a").attr("href"))
			.isEqualTo("/reconcile/runs/" + run + "/children?outcome=SUPPORTED&unit=" + school1);
		assertThat(district.select("#summary tfoot a").eachAttr("href"))
			.contains("/reconcile/runs/" + run + "/children?outcome=NOT_ENROLLED");
		assertThat(district.select("a.button").eachText()).contains("Links to review: 1");
		assertThat(district.select("a.button").attr("href"))
			.isEqualTo("/reconcile/runs/" + run + "/children?outcome=UNCERTAIN");
		assertThat(district.text()).contains("Linkage run " + run).doesNotContain("Start a linkage run");

		Document region = page("/reconcile?year=" + YEAR + "&lang=en", Demo.REGION_TURKISTAN);
		assertThat(counts(region, DISTRICT)).containsExactly("1", "1", "1", "1", "1", "1", "6");
		assertThat(region.select("tr[data-code=" + DISTRICT + "] th").text()).isEqualTo("Baidibek District");
		assertThat(region.select("tr[data-code=" + OTHER_DISTRICT + "] th").text()).isEqualTo("Saryagash District");
		assertThat(region.text()).contains("Start a linkage run", "Upload a health-registry batch");
		assertThat(region.select("a[href=/exchange?register=health_registry]")).hasSize(1);
		assertThat(page("/exchange?register=health_registry&lang=en", Demo.REGION_TURKISTAN)
			.select("#field-register option[selected]")
			.text()).startsWith("Health registry extract");

		assertThat(page("/reconcile?year=2040&lang=en", OFFICER).text())
			.contains("No run yet for the school year 2040–2041");
		assertThat(page("/reconcile", OFFICER).select("nav.main-nav a[href=/reconcile]").text())
			.isEqualTo("Тіркелімдерді салыстыру");
	}

	@Test
	void theListsShowTheChildrenOfEachOutcomeAndTheirFileIsAudited() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		String children = "/reconcile/runs/" + run + "/children";
		Document notEnrolled = page(children + "?outcome=NOT_ENROLLED&lang=en", OFFICER);
		assertThat(notEnrolled.select("#children tbody th").eachText()).containsExactly("RCP-4");
		assertThat(notEnrolled.select("#children tbody td").eachText()).containsExactly("Health registry",
				"Оспанов Дархан Асқарұлы", "2020-01-10", "11", "Male", "Child with a disability (under 18)",
				"Baidibek District", "health", "not in the benefit register");
		Document enrolled = page(children + "?outcome=NO_SEN_RECORD&unit=" + school1 + "&lang=en", OFFICER);
		assertThat(enrolled.select("#children tbody th").eachText()).containsExactly("RCP-2");
		assertThat(enrolled.select("#children tbody td").eachText()).contains("Сейітова Аружан Ерланқызы");
		assertThat(enrolled.select("h1").text()).startsWith("No SEN record: ");
		assertThat(enrolled.select("nav.worklists a[aria-current=page]").text()).isEqualTo("No SEN record");
		assertThat(page(children + "?outcome=NO_SEN_RECORD&unit=" + school2, OFFICER).select("#children")).isEmpty();
		assertThat(page(children + "?outcome=SUPPORTED&lang=en", OFFICER).select("#children tbody th").eachText())
			.containsExactly("RCP-1");
		assertThat(page(children + "?outcome=NO_SUPPORT&lang=en", OFFICER).select("#children tbody th").eachText())
			.containsExactly("RCP-7");
		Document uncertain = page(children + "?outcome=UNCERTAIN&lang=en", OFFICER);
		assertThat(uncertain.select("#children tbody th").eachText()).containsExactly("RCP-3");
		assertThat(uncertain.selectFirst("#children tbody a").attr("href"))
			.isEqualTo("/reconcile/runs/" + run + "/records/RCP-3?register=HEALTH");
		assertThat(uncertain.select("#children tbody td").eachText()).contains("Not decided yet");

		String csv = mvc.perform(get(children + ".csv?outcome=NOT_ENROLLED&lang=ru").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = List.of(csv.split("\r\n"));
		assertThat(lines.get(0)).startsWith("\uFEFFРегистр,Запись регистра,ФИО,Дата рождения,Возраст на 1 сентября");
		assertThat(lines)
			.anyMatch(l -> l.startsWith("Регистр здравоохранения,RCP-4,Оспанов Дархан Асқарұлы,2020-01-10,11,Мужской,"))
			.anyMatch(l -> l.startsWith("Регистр здравоохранения,RCP-6,"));
		assertThat(exported(Demo.REGION_TURKISTAN, "health_record", "RCP-6")).isPositive();
		assertThat(audited(OFFICER, "health_record", "RCP-4")).isPositive();
	}

	@Test
	void theReviewShowsBothSidesAndAConfirmationIsAuditedAndHoldsForTheNextRun() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		String review = "/reconcile/runs/" + run + "/records/RCP-3";
		Document page = page(review + "?lang=en", OFFICER);
		Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
		for (Element row : page.select("#evidence tbody tr")) {
			rows.put(row.selectFirst("th").text(), row.select("td").eachText());
		}
		assertThat(rows.get("Surname")).containsExactly("Kasymov", "Қасымов", "The same (in any spelling)");
		assertThat(rows.get("Date of birth")).containsExactly("2018-07-05", "2018-05-07", "Day and month swapped");
		assertThat(rows.get("IIN")).containsExactly("—", uncertainPupil, "Missing on one side");
		assertThat(rows.get("School and grade").get(1)).contains(school2, "grade 5");
		assertThat(page.select("dl.facts").text()).contains("Match probability", "%", "Not decided yet");
		assertThat(page.select("form.form button").eachText()).containsExactly("Confirm: the same child",
				"Reject: different children");
		assertThat(audited(OFFICER, "enrolment_pupil", uncertainPupil)).isPositive();

		mvc.perform(post(review + "/decision").param("pupilIin", uncertainPupil)
			.param("decision", "confirm")
			.with(officer(OFFICER))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reconcile/runs/" + run + "/children?outcome=UNCERTAIN"))
			.andExpect(flash().attribute("notice", "notice.reconcile.confirmed"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'UPDATE'
					AND record_type = 'reconcile_decision' AND record_id = ?""")
			.params(OFFICER, "HEALTH:RCP-3:" + uncertainPupil)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page(review + "?lang=en", OFFICER).select("dl.facts").text()).contains("Confirmed: the same child");
		assertThat(page("/reconcile/runs/" + run + "/children?outcome=UNCERTAIN&lang=en", OFFICER)
			.select("#children tbody td")
			.eachText()).contains("Confirmed: the same child");

		long again = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		Map<String, Object> linked = jdbc.sql("""
				SELECT outcome, TRIM(pupil_iin) AS pupil, decided FROM reconcile_result
				WHERE run_id = ? AND record_id = 'RCP-3'""").param(again).query().singleRow();
		assertThat(linked).containsEntry("pupil", uncertainPupil)
			.containsEntry("decided", true)
			.containsEntry("outcome", "NO_SEN_RECORD");
		Document next = page("/reconcile/runs/" + again + "?lang=en", OFFICER);
		assertThat(next.select("#run-progress dl").text()).contains("Reviewers' decisions applied");
		assertThat(page("/reconcile/runs/" + again + "/records/RCP-3?lang=en", OFFICER).text())
			.contains("This run followed an earlier decision on this pair.");

		mvc.perform(post(review + "/decision").param("pupilIin", newPupil)
			.param("decision", "reject")
			.param("lang", "en")
			.with(officer(OFFICER))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("this is not the pupil proposed for the record")));
		mvc.perform(post(review + "/decision").param("pupilIin", uncertainPupil)
			.param("lang", "en")
			.with(officer(OFFICER))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Decision: choose Confirm or Reject")));
	}

	@Test
	void aDistrictOfficerSeesNoChildOfAnotherDistrictAndAResearcherNothing() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		String children = "/reconcile/runs/" + run + "/children";
		mvc.perform(get("/reconcile/runs/" + run + "/records/RCP-4").with(as(NEIGHBOUR)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/reconcile/runs/" + run + "/records/RCP-6").with(officer(OFFICER)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/reconcile/runs/" + run + "/records/RCP-3/decision").param("pupilIin", uncertainPupil)
			.param("decision", "reject")
			.with(as(NEIGHBOUR))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reconcile_decision WHERE record_id = 'RCP-3'")
			.query(Long.class)
			.single()).isZero();
		assertThat(page(children + "?outcome=NOT_ENROLLED&lang=en", NEIGHBOUR).select("#children tbody tr"))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row.select("td").get(6).text()).isEqualTo("Saryagash District"));
		for (String outcome : List.of("SUPPORTED", "NO_SEN_RECORD", "NO_SUPPORT", "NOT_SCHOOL_AGE", "UNCERTAIN",
				"NOT_ENROLLED")) {
			String csv = mvc.perform(get(children + ".csv?outcome=" + outcome).with(as(NEIGHBOUR)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			List<String> ours = new ArrayList<>();
			for (String line : csv.split("\r\n")) {
				String[] cells = line.split(",");
				if (cells.length > 1 && cells[1].startsWith("RCP-")) {
					ours.add(cells[1]);
				}
			}
			assertThat(ours).as(outcome).isEqualTo(outcome.equals("NOT_ENROLLED") ? List.of("RCP-6") : List.of());
		}
		mvc.perform(get(children + "?outcome=NOT_ENROLLED&unit=" + DISTRICT).with(as(NEIGHBOUR)))
			.andExpect(status().isNotFound());
		mvc.perform(get(children + "?outcome=SUPPORTED&unit=" + school1).with(as(NEIGHBOUR)))
			.andExpect(status().isNotFound());
		assertThat(page("/reconcile?year=" + YEAR + "&lang=en", NEIGHBOUR).select("#summary").text())
			.doesNotContain("Baidibek");

		for (String path : List.of("/reconcile", "/reconcile/runs/" + run, children + "?outcome=NOT_ENROLLED",
				children + ".csv?outcome=NOT_ENROLLED", "/reconcile/runs/" + run + "/records/RCP-4")) {
			mvc.perform(get(path).with(as(Demo.RESEARCHER)).accept(MediaType.TEXT_HTML))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/reconcile/runs").param("schoolYear", String.valueOf(YEAR))
			.with(as(Demo.RESEARCHER))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reconcile/runs/" + run + "/records/RCP-3/decision").param("pupilIin", uncertainPupil)
			.param("decision", "confirm")
			.with(as(Demo.RESEARCHER))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reconcile/runs").param("schoolYear", String.valueOf(reconciliation.currentSchoolYear()))
			.with(officer(OFFICER))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(page("/", Demo.RESEARCHER).select("nav.main-nav a[href=/reconcile]")).isEmpty();
		assertThat(page("/", Demo.SCHOOL).select("nav.main-nav a[href=/reconcile]")).isEmpty();
		assertThat(page("/", OFFICER).select("nav.main-nav a[href=/reconcile]")).hasSize(1);
	}

	@Test
	void aRegionOfficerStartsARunAndFollowsIt() throws Exception {
		int current = reconciliation.currentSchoolYear();
		MvcResult started = mvc
			.perform(post("/reconcile/runs").param("schoolYear", String.valueOf(current))
				.with(as(Demo.REGION_TURKISTAN))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long run = Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		for (int i = 0; i < 600 && jdbc.sql("SELECT status FROM reconcile_run WHERE id = ?")
			.param(run)
			.query(String.class)
			.single()
			.equals("RUNNING"); i++) {
			Thread.sleep(100);
		}
		Document page = page("/reconcile/runs/" + run + "?lang=en", Demo.REGION_TURKISTAN);
		assertThat(page.select("#run-progress [role=status]").text()).isEqualTo("Finished");
		assertThat(page.select("#run-progress").attr("hx-trigger")).isEmpty();
		assertThat(page.text()).contains("Turkistan Region", "99%", "20%", "20261203", "region.turkistan");
		assertThat(page.select("#model tbody tr").first().select("th, td").eachText().subList(0, 2))
			.containsExactly("Health registry · IIN", "Different");
		// the demo's benefit extract is in the region too: each register has its model
		assertThat(page.select("#model tbody tr th").eachText()).contains("Social-protection register · IIN");
		assertThat(page.select("#summary tfoot td").last().text()).isNotEqualTo("0");
		mvc.perform(get("/reconcile/runs/" + run + "/progress").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"run-progress\""), not(containsString("<html")))));
		assertThat(
				page("/reconcile?lang=en", Demo.REGION_TURKISTAN).select("table:has(#runs-caption) tbody a").eachText())
			.contains("Linkage run " + run);
	}

	@Test
	void badInputIsExplainedInTheUsersLanguage() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		String children = "/reconcile/runs/" + run + "/children";
		mvc.perform(get(children + "?outcome=NOPE&lang=ru").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Выберите один из списков: Получает поддержку"),
					not(containsString("Exception")))));
		mvc.perform(get(children + "?lang=en").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose one of the lists")));
		mvc.perform(get(children + "?outcome=NOT_ENROLLED&page=abc&lang=kk").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Бет нөмірі 0-ден")));
		mvc.perform(get(children + "?outcome=NOT_ENROLLED&page=7&lang=en").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The page number must be")));
		mvc.perform(get(children + "?outcome=NOT_ENROLLED&unit=NO-SUCH&lang=en").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("No administrative unit or organisation has this code")));
		mvc.perform(get(children + ".csv?outcome=NOPE&lang=en").with(officer(OFFICER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose one of the lists")));
		for (String year : List.of("abc", "1999", "20311")) {
			mvc.perform(get("/reconcile?year=" + year + "&lang=en").with(officer(OFFICER)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("four digits from 2000 to 2099")));
		}
		mvc.perform(post("/reconcile/runs").param("schoolYear", "2040")
			.param("lang", "en")
			.with(as(Demo.REGION_TURKISTAN))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-summary\""),
					containsString("School year: choose a school year from 2000 to next year"),
					containsString("aria-invalid=\"true\""))));
		mvc.perform(get("/reconcile/runs/abc").with(officer(OFFICER))).andExpect(status().isNotFound());
		mvc.perform(get("/reconcile/runs/999999999").with(officer(OFFICER))).andExpect(status().isNotFound());
		mvc.perform(get("/reconcile/runs/" + run + "/records/NO-SUCH-RECORD").with(officer(OFFICER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePagesAnswerInKazakhRussianAndEnglish() throws Exception {
		long run = reconciliation.runNow(admin, YEAR, LinkageSettings.DEFAULT);
		Map<String, List<String>> words = Map.of("kk", List
			.of("Денсаулық сақтау және әлеуметтік қорғау тіркелімдерімен салыстыру", "Оқымайды", "Бұл бір бала ма?"),
				"ru",
				List.of("Сверка с регистрами здравоохранения и социальной защиты", "Не обучается",
						"Это один и тот же ребёнок?"),
				"en", List.of("Reconciliation with the health and social-protection registers", "Not enrolled",
						"Is this the same child?"));
		for (Map.Entry<String, List<String>> language : words.entrySet()) {
			String lang = "lang=" + language.getKey();
			List<String> texts = new ArrayList<>();
			for (String path : List.of("/reconcile?year=" + YEAR + "&" + lang, "/reconcile/runs/" + run + "?" + lang,
					"/reconcile/runs/" + run + "/children?outcome=UNCERTAIN&" + lang,
					"/reconcile/runs/" + run + "/records/RCP-3?" + lang)) {
				String html = mvc.perform(get(path).with(as(Demo.REGION_TURKISTAN)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				assertThat(html).as(path).doesNotContain("??");
				Document document = Jsoup.parse(html);
				assertThat(document.selectFirst("html").attr("lang")).isEqualTo(language.getKey());
				texts.add(document.text());
			}
			assertThat(texts.get(0)).contains(language.getValue().get(0));
			assertThat(texts.get(1)).contains(language.getValue().get(1));
			assertThat(texts.get(3)).contains(language.getValue().get(2));
		}
	}

	// fixture

	private Document page(String path, String user) throws Exception {
		String html = mvc.perform(get(path).with(officer(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private static List<String> counts(Document page, String code) {
		Element row = page.selectFirst("#summary tr[data-code=" + code + "]");
		assertThat(row).as("row of " + code).isNotNull();
		return row.select("td").eachText();
	}

	/** Downloads held the record: one event per file, with each record in it. */
	private long exported(String actor, String type, String record) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id
				WHERE e.actor = ? AND e.action = 'EXPORT' AND s.record_type = ? AND s.record_id = ?""")
			.params(actor, type, record)
			.query(Long.class)
			.single();
	}

	private long audited(String actor, String type, String record) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'READ' AND record_type = ?
					AND record_id = ?""").params(actor, type, record).query(Long.class).single();
	}

	/** The user signed in: the fixture's district officer, or a demo user. */
	private static RequestPostProcessor officer(String user) {
		return user.equals(OFFICER) ? Demo.basic(OFFICER, OFFICER_PASSWORD) : as(user);
	}

	private void officer() {
		if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
			.param(OFFICER)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		try {
			mvc.perform(post("/api/v1/users").with(as(Demo.REGION_TURKISTAN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"%s","fullName":"Baidibek District Officer","role":"DISTRICT_OFFICER",
						 "scope":"%s","password":"%s"}
						""".formatted(OFFICER, DISTRICT, OFFICER_PASSWORD))).andExpect(status().isCreated());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long school(String code) {
		return jdbc.sql("SELECT id FROM organisation WHERE code = ?").param(code).query(Long.class).single();
	}

	private String unusedIin(LocalDate birth, Sex sex, int from) {
		for (int serial = from;; serial++) {
			String iin = Iin.of(birth, sex, serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?").param(iin).query(Long.class).single() == 0
					&& jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE iin = ?")
						.param(iin)
						.query(Long.class)
						.single() == 0) {
				return iin;
			}
		}
	}

	private static String iin(Map<String, Object> learner) {
		return ((String) learner.get("iin")).trim();
	}

	private static LocalDate date(Object value) {
		return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
	}

	private void enrol(Map<String, Object> learner, long school) {
		enrol(iin(learner), (String) learner.get("surname"), (String) learner.get("given_name"),
				(String) learner.get("patronymic"), date(learner.get("birth_date")),
				Sex.valueOf((String) learner.get("sex")), school);
	}

	private void enrol(String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex,
			long school) {
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
					organisation_id, grade, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 'KK')""")
			.params(YEAR, iin, surname, given, patronymic, birth, sex.name(), school)
			.update();
		pupils.add(iin);
	}

	private void health(String id, String iin, String surname, String given, String patronymic, LocalDate birth,
			String sex, String district) {
		jdbc.sql("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, valid_until, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'KZ-61', ?, ?, 'CHILD_WITH_DISABILITY', ?, ?, 'rcp-test')""")
			.params(id, iin, surname, given, patronymic, birth, sex, district, "/KZ/KZ-61/" + district + "/",
					LocalDate.of(YEAR + 3, 1, 1), Timestamp.from(Instant.now()))
			.update();
	}

}
