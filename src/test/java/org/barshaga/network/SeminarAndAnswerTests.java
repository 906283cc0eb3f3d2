package org.barshaga.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.barshaga.conditions.PositionType;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.StaffDraft;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.learner.SenCategory;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
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
 * A centre's seminar gives its participants the training record that TRAINED_TEACHERS
 * counts, once and only inside the centre's region; and the median days to a first answer
 * of a district, on a hand-made set of requests.
 */
@BarshagaTest
class SeminarAndAnswerTests {

	static final String SCHOOL = "KZ-61-D08-S002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	SchoolConditions conditions;

	@Autowired
	Indicators indicators;

	@Autowired
	SupportRequests requests;

	@Autowired
	FirstAnswers firstAnswers;

	@Test
	void aSeminarsParticipantsGetTheTrainingRecordTrainedTeachersCounts() throws Exception {
		Actor region = new Actor(0, "seminar-test", "Seminar test", Role.REGION_OFFICER, new DataScope("/KZ/KZ-61/"));
		LocalDate started = LocalDate.of(2020, 1, 6);
		long first = conditions.addStaff(region, SCHOOL,
				new StaffDraft("Айгерім Семинарқызы", null, PositionType.TEACHER, BigDecimal.ONE, null, started, null));
		long second = conditions.addStaff(region, SCHOOL,
				new StaffDraft("Ruslan Seminarov", null, PositionType.TEACHER, BigDecimal.ONE, null, started, null));
		String farSchool = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE type = 'GENERAL_SCHOOL' AND path LIKE '/KZ/KZ-75/%'")
			.query(String.class)
			.single();
		long far = conditions.addStaff(
				new Actor(0, "seminar-test", "Seminar test", Role.REGION_OFFICER, new DataScope("/KZ/KZ-75/")),
				farSchool,
				new StaffDraft("Dana Farova", null, PositionType.TEACHER, BigDecimal.ONE, null, started, null));
		int year = conditions.currentYear();
		LocalDate heldOn = conditions.census(year).minusDays(20);
		BigDecimal trainedBefore = trained(year);

		form(Demo.SCHOOL, post("/support/seminars").param("seminarKind", "SEMINAR")).andExpect(status().isForbidden());
		form(Demo.PMPC,
				post("/support/seminars?lang=en").param("seminarKind", "COURSE")
					.param("seminarTitle", "Seminar test: visual timetables")
					.param("heldOn", LocalDate.now().plusDays(3).toString())
					.param("seminarHours", "6")
					.param("inclusive", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("the date cannot be in the future")));
		String location = form(Demo.PMPC,
				post("/support/seminars?lang=en").param("seminarKind", "COURSE")
					.param("seminarTitle", "Seminar test: visual timetables")
					.param("heldOn", heldOn.toString())
					.param("seminarHours", "6")
					.param("inclusive", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		page(Demo.PMPC, get("/support/seminars/" + id + "?lang=en&school=" + SCHOOL)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Айгерім Семинарқызы"), containsString("Ruslan Seminarov"),
					containsString("value=\"" + first + "\""))));
		page(Demo.PMPC, get("/support/seminars/" + id + "?lang=en&school=" + farSchool))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("a school of your region"), not(containsString("Dana Farova")))));

		// a person of another region is refused, and the whole choice with them
		form(Demo.PMPC, participants(id, first, far)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("does not work at a school of the centre")));
		assertThat(trainings(first)).isZero();
		assertThat(trainings(far)).isZero();

		form(Demo.SCHOOL, participants(id, first, second)).andExpect(status().isNotFound());
		form(Demo.REGION_TURKISTAN, participants(id, first, second)).andExpect(status().isForbidden());
		form(Demo.PMPC, participants(id, first, second)).andExpect(status().is3xxRedirection());
		assertThat(trainings(first)).isOne();
		assertThat(trainings(second)).isOne();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM training t JOIN seminar_participant p ON p.training_id = t.id
				WHERE p.seminar_id = :id AND t.course = 'Seminar test: visual timetables' AND t.hours = 6
				AND t.inclusive = TRUE AND t.completed_on = :on""")
			.param("id", id)
			.param("on", java.sql.Date.valueOf(heldOn))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(trained(year)).isEqualByComparingTo(trainedBefore.add(BigDecimal.valueOf(2)));

		// no second record for the same seminar
		form(Demo.PMPC, participants(id, second)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already takes part")));
		assertThat(trainings(second)).isOne();

		// the school's district sees the seminar its teachers attended; a researcher does
		// not
		page(Demo.DISTRICT_SARYAGASH, get("/support/seminars?lang=en"))
			.andExpect(content().string(containsString("Seminar test: visual timetables")));
		page(Demo.DISTRICT_SARYAGASH, get("/support/seminars/" + id + "?lang=en")).andExpect(
				content().string(allOf(containsString("Ruslan Seminarov"), not(containsString("Show the school")))));
		page(Demo.RESEARCHER, get("/support/seminars")).andExpect(status().isForbidden());
		page(Demo.RESEARCHER, get("/support/seminars/" + id)).andExpect(status().isForbidden());
		// an officer of another region (KZ-75) does not find it
		String otherRegion = "seminar.region75";
		jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, scope_unit_code, scope_path, enabled,
				  created_at, created_by, updated_at, updated_by)
				SELECT :name, 'Seminar Test Officer', :hash, 'REGION_OFFICER', code, path, TRUE,
				  CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test'
				FROM org_unit WHERE code = 'KZ-75'
				  AND NOT EXISTS (SELECT 1 FROM app_user WHERE username = :name)""")
			.param("name", otherRegion)
			.param("hash", passwords.encode(BarshagaTest.DEMO_PASSWORD))
			.update();
		page(otherRegion, get("/support/seminars/" + id)).andExpect(status().isNotFound());
	}

	@Test
	void theMedianDaysToAFirstAnswerOfADistrictOnAHandMadeCase() throws Exception {
		String district = jdbc.sql("""
				SELECT MIN(u.code) FROM org_unit u WHERE u.parent_code = 'KZ-61'
				AND (SELECT COUNT(*) FROM organisation o WHERE o.type = 'GENERAL_SCHOOL' AND o.status = 'OPEN'
					AND o.path LIKE u.path || '%') >= 2
				AND NOT EXISTS (SELECT 1 FROM support_request r WHERE r.requester_path LIKE u.path || '%')""")
			.query(String.class)
			.single();
		List<String> schools = jdbc.sql("""
				SELECT o.path FROM organisation o JOIN org_unit u ON o.path LIKE u.path || '%'
				WHERE u.code = :d AND o.type = 'GENERAL_SCHOOL' AND o.status = 'OPEN' ORDER BY o.code""")
			.param("d", district)
			.query(String.class)
			.list();
		String centre = jdbc.sql(
				"SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND status = 'OPEN' AND path LIKE '/KZ/KZ-61/%'")
			.query(String.class)
			.single();
		int year = firstAnswers.currentYear();
		LocalDate start = LocalDate.of(year, 9, 15);
		// answered after 2, 11 and 5 days, and one not answered: the median is 5
		ask(schools.get(0), centre, start, 2);
		ask(schools.get(1), centre, start, 11);
		ask(schools.get(0), centre, start, 5);
		ask(schools.get(1), centre, start, null);
		Actor officer = new Actor(0, "answers-test", "Answers test", Role.REGION_OFFICER, new DataScope("/KZ/KZ-61/"));
		FirstAnswers.Row row = row(officer, year, district);
		assertThat(row.answered()).isEqualTo(3);
		assertThat(row.waiting()).isOne();
		assertThat(row.medianDays()).isEqualByComparingTo("5");
		// a fourth answer, after 8 days: the median of an even count is the mean of the
		// two middle ones
		ask(schools.get(0), centre, start, 8);
		assertThat(row(officer, year, district).medianDays()).isEqualByComparingTo("6.5");
		assertThat(row(officer, year - 1, district)).isNull();
		page(Demo.REGION_TURKISTAN, get("/support/answers?lang=en&year=" + year)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("(" + district + ")"), containsString(">6.5<"))));
		// a school's coordinator sees its region's figures; a researcher nothing
		page(Demo.SCHOOL, get("/support/answers?lang=en&year=" + year))
			.andExpect(content().string(containsString("(" + district + ")")));
		page(Demo.RESEARCHER, get("/support/answers")).andExpect(status().isForbidden());
		assertThat(FirstAnswers.median(List.of())).isNull();
		assertThat(FirstAnswers.median(List.of(7L))).isEqualByComparingTo("7");
	}

	private FirstAnswers.Row row(Actor officer, int year, String district) {
		return firstAnswers.byUnit(officer, year)
			.stream()
			.filter(r -> r.code().equals(district))
			.findFirst()
			.orElse(null);
	}

	private void ask(String schoolPath, String centre, LocalDate on, Integer answeredAfter) {
		Actor asker = new Actor(0, "answers-test", "Answers test", Role.SCHOOL_COORDINATOR, new DataScope(schoolPath));
		long id = requests.submit(asker,
				new RequestDraft(centre, SupportTopic.COMMUNICATION, EnumSet.of(SenCategory.SPEECH), null,
						Urgency.ROUTINE, "Answers test: a hand-made request"),
				on.atTime(10, 0).toInstant(ZoneOffset.UTC));
		if (answeredAfter != null) {
			String centrePath = jdbc.sql("SELECT path FROM organisation WHERE code = :c")
				.param("c", centre)
				.query(String.class)
				.single();
			requests.accept(
					new Actor(0, "answers-test", "Answers test", Role.PMPC_SPECIALIST, new DataScope(centrePath)), id,
					0, on.plusDays(answeredAfter));
		}
	}

	private BigDecimal trained(int year) {
		return indicators
			.values(new Actor(0, "seminar-test", "Seminar test", Role.REGION_OFFICER, new DataScope("/KZ/KZ-61/")),
					"TRAINED_TEACHERS", SCHOOL, year, Level.SELF, List.of())
			.total()
			.numerator();
	}

	private long trainings(long staffId) {
		return jdbc.sql("SELECT COUNT(*) FROM training WHERE staff_id = :id")
			.param("id", staffId)
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder participants(long seminar, long... staff) {
		MockHttpServletRequestBuilder request = post("/support/seminars/" + seminar + "/participants?lang=en")
			.param("school", SCHOOL);
		for (long id : staff) {
			request.param("participants", String.valueOf(id));
		}
		return request;
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

}
