package org.barshaga.reconcile;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The health registry and the social-protection register linked with the enrolment
 * extract in one run, through the API as a region's system uses it: a school year of its
 * own (2019) in Baidibek district, with a child at school whom the health registry holds
 * twice and the benefit register once, a child out of school in both registers who
 * disagree on the group and the district, a child only the benefit register holds, and
 * twins out of school.
 */
@BarshagaTest
class ReconcileRegistersTests {

	static final int YEAR = 2019;

	static final String DISTRICT = "KZ-61-D01";

	static final String OTHER = "KZ-61-D08";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private String pupilIin;

	private String twiceListed;

	@BeforeEach
	void fixture() {
		long school = jdbc.sql("SELECT id FROM organisation WHERE code LIKE 'KZ-61-D01-S%' ORDER BY code LIMIT 1")
			.query(Long.class)
			.single();
		LocalDate aruzhan = LocalDate.of(2009, 3, 14);
		pupilIin = Iin.of(aruzhan, Sex.FEMALE, 9701);
		jdbc.sql(
				"""
						INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
							organisation_id, grade, language) VALUES (?, ?, 'Сейітова', 'Аружан', 'Ерланқызы', ?, 'FEMALE', ?, 6,
							'KK')""")
			.params(YEAR, pupilIin, aruzhan, school)
			.update();
		health("RR-H1", pupilIin, "Сейітова", "Аружан", "Ерланқызы", aruzhan, "FEMALE", DISTRICT,
				"CHILD_WITH_DISABILITY");
		health("RR-H2", null, "Seitova", "Aruzhan", "Erlankyzy", aruzhan, "FEMALE", DISTRICT, "CHILD_WITH_DISABILITY");
		benefit("RR-B1", null, "СЕЙТОВА", "АРУЖАН", null, aruzhan, "FEMALE", DISTRICT, "CHILD_WITH_DISABILITY");

		// a pupil whom a second school still lists, under an IIN one digit off
		LocalDate aiym = LocalDate.of(2008, 2, 2);
		String aiymIin = Iin.of(aiym, Sex.FEMALE, 9731);
		long other = jdbc.sql("SELECT id FROM organisation WHERE code LIKE 'KZ-61-D08-S%' ORDER BY code LIMIT 1")
			.query(Long.class)
			.single();
		for (Object[] row : new Object[][] { { aiymIin, school },
				{ aiymIin.substring(0, 10) + "9" + aiymIin.charAt(11), other } }) {
			jdbc.sql("""
					INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
						organisation_id, grade, language) VALUES (?, ?, 'Бекова', 'Айым', NULL, ?, 'FEMALE', ?, 5,
						'KK')""").params(YEAR, row[0], aiym, row[1]).update();
		}
		twiceListed = aiymIin;

		LocalDate darkhan = LocalDate.of(2006, 1, 10);
		String darkhanIin = Iin.of(darkhan, Sex.MALE, 9711);
		health("RR-H3", darkhanIin, "Оспанов", "Дархан", "Асқарұлы", darkhan, "MALE", DISTRICT,
				"CHILD_WITH_DISABILITY");
		benefit("RR-B2", darkhanIin, "Ospanov", "Darkhan", "Askaruly", darkhan, "MALE", OTHER, "GROUP_2");

		LocalDate yerassyl = LocalDate.of(2007, 4, 21);
		benefit("RR-B3", Iin.of(yerassyl, Sex.MALE, 9721), "Жақыпов", "Ерасыл", "Нұрланұлы", yerassyl, "MALE", DISTRICT,
				"CHILD_WITH_DISABILITY");

		LocalDate twins = LocalDate.of(2006, 8, 12);
		health("RR-H4", null, "Оразбаев", "Алан", "Серікұлы", twins, "MALE", DISTRICT, "CHILD_WITH_DISABILITY");
		health("RR-H5", null, "Оразбаев", "Алмаз", "Серікұлы", twins, "MALE", DISTRICT, "CHILD_WITH_DISABILITY");
	}

	@AfterEach
	void removeFixture() {
		jdbc.sql("DELETE FROM health_registry_record WHERE record_id LIKE 'RR-%'").update();
		jdbc.sql("DELETE FROM social_benefit_record WHERE record_id LIKE 'RR-%'").update();
		jdbc.sql("DELETE FROM reconcile_duplicate_decision WHERE record_id LIKE 'RR-%'").update();
		jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(YEAR).update();
	}

	@Test
	void aRegionsSystemRunsTheLinkageAndTakesEachListWhole() throws Exception {
		long run = startAndWait(Demo.REGION_TURKISTAN);
		JsonNode body = json
			.readTree(mvc.perform(get("/api/v1/reconciliation/runs/" + run).with(as(Demo.REGION_TURKISTAN)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(body.get("status").asText()).isEqualTo("FINISHED");
		assertThat(body.get("benefitRecords").asInt()).isGreaterThanOrEqualTo(3);

		List<Map<String, String>> out = csv(
				get("/api/v1/reconciliation/runs/" + run + "/children").param("outcome", "NOT_ENROLLED")
					.param("unit", DISTRICT),
				Demo.REGION_TURKISTAN);
		// each child out of school once, whichever register holds it; the child at
		// school is in neither register's list
		assertThat(out).extracting(row -> row.get("record_id"))
			.containsExactlyInAnyOrder("RR-H3", "RR-B3", "RR-H4", "RR-H5");
		Map<String, String> darkhan = out.stream().filter(r -> r.get("record_id").equals("RR-H3")).findFirst().get();
		assertThat(darkhan.get("found_in")).isEqualTo("HEALTH,BENEFIT");
		assertThat(darkhan.get("disagreements")).isEqualTo("GROUP_DIFFERS,DISTRICT_DIFFERS");
		Map<String, String> yerassyl = out.stream().filter(r -> r.get("record_id").equals("RR-B3")).findFirst().get();
		assertThat(yerassyl.get("register")).isEqualTo("BENEFIT");
		assertThat(yerassyl.get("disagreements")).isEqualTo("NOT_IN_HEALTH");

		List<Map<String, String>> atSchool = csv(
				get("/api/v1/reconciliation/runs/" + run + "/children").param("outcome", "NO_SEN_RECORD")
					.param("unit", DISTRICT),
				Demo.REGION_TURKISTAN);
		assertThat(atSchool).extracting(row -> row.get("record_id")).containsExactly("RR-H1");
		assertThat(atSchool.get(0).get("pupil_iin")).isEqualTo(pupilIin);
		assertThat(atSchool.get(0).get("found_in")).isEqualTo("HEALTH,BENEFIT,SCHOOL");

		List<Map<String, String>> twice = csv(
				get("/api/v1/reconciliation/runs/" + run + "/duplicates").param("register", "health")
					.param("unit", DISTRICT),
				Demo.REGION_TURKISTAN);
		assertThat(twice).extracting(row -> row.get("record_id")).containsExactly("RR-H1", "RR-H2");
		assertThat(twice).extracting(row -> row.get("cluster")).containsOnly("HEALTH:RR-H1");

		List<Map<String, String>> pupilsTwice = csv(
				get("/api/v1/reconciliation/runs/" + run + "/duplicates").param("register", "ENROLMENT"),
				Demo.REGION_TURKISTAN);
		assertThat(pupilsTwice).anySatisfy(row -> {
			assertThat(List.of(row.get("iin"), row.get("other_iin"))).contains(twiceListed);
			assertThat(row.get("same_school")).isEqualTo("false");
		});
		String page = mvc
			.perform(get("/reconcile/runs/" + run + "/duplicates.csv").param("register", "ENROLMENT")
				.param("lang", "en")
				.with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the second school's district sees the pupil it lists
		assertThat(page).contains(twiceListed, "listed by two schools (a transfer not closed)");

		List<Map<String, String>> disagree = csv(
				get("/api/v1/reconciliation/runs/" + run + "/disagreements").param("unit", DISTRICT),
				Demo.REGION_TURKISTAN);
		assertThat(disagree).extracting(row -> row.get("record_id"))
			.contains("RR-H3", "RR-B3")
			.doesNotContain("RR-B2", "RR-H2");

		// each download is one audited read holding every record it gave out
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id
				WHERE e.actor = ? AND e.action = 'EXPORT' AND e.record_id = ? AND s.record_type = 'benefit_record'
					AND s.record_id = 'RR-B3'""")
			.params(Demo.REGION_TURKISTAN, String.valueOf(run))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aPersonalAccessTokenStartsARunAndTakesItsListsAndAWrongOneIsRefused() throws Exception {
		String token = json.readTree(mvc
			.perform(post("/api/v1/tokens").with(as(Demo.REGION_TURKISTAN))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"name\":\"reconcile-api-test\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("secret").asText();
		MvcResult started = mvc
			.perform(post("/api/v1/reconciliation/runs").param("year", String.valueOf(YEAR))
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isAccepted())
			.andReturn();
		long id = json.readTree(started.getResponse().getContentAsString()).get("id").asLong();
		for (int i = 0; i < 600 && json
			.readTree(mvc.perform(get("/api/v1/reconciliation/runs/" + id).header("Authorization", "Bearer " + token))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("status")
			.asText()
			.equals("RUNNING"); i++) {
			Thread.sleep(200);
		}
		assertThat(mvc
			.perform(get("/api/v1/reconciliation/runs/" + id + "/children").param("outcome", "NOT_ENROLLED")
				.param("unit", DISTRICT)
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("RR-H3", "RR-B3");
		mvc.perform(get("/api/v1/reconciliation/runs/" + id).header("Authorization", "Bearer bsg_notatoken"))
			.andExpect(status().isUnauthorized());
		String openApi = mvc
			.perform(get("/api/openapi").with(as(Demo.REGION_TURKISTAN))
				.accept(org.springframework.http.MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(openApi).contains("/api/v1/reconciliation/runs", "/api/v1/reconciliation/runs/{id}/children",
				"/api/v1/reconciliation/runs/{id}/duplicates", "/api/v1/reconciliation/runs/{id}/disagreements");
	}

	@Test
	void theListsKeepToTheCallersScope() throws Exception {
		long run = startAndWait(Demo.REGION_TURKISTAN);
		// Saryagash's officer sees Darkhan's benefit record, which places him there, as
		// part of the child whose health record is in Baidibek: not the others
		List<Map<String, String>> neighbour = csv(
				get("/api/v1/reconciliation/runs/" + run + "/children").param("outcome", "NOT_ENROLLED"),
				Demo.DISTRICT_SARYAGASH);
		assertThat(neighbour).extracting(row -> row.get("record_id")).doesNotContain("RR-B3", "RR-H4", "RR-H5");
		mvc.perform(get("/api/v1/reconciliation/runs/" + run + "/children").param("outcome", "NOT_ENROLLED")
			.param("unit", DISTRICT)
			.with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reconciliation/runs/" + run).with(as(Demo.RESEARCHER)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/reconciliation/runs").param("year", String.valueOf(YEAR))
			.with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/reconciliation/runs/" + run + "/children").param("outcome", "SOMEWHERE")
			.header("Accept-Language", "en")
			.with(as(Demo.REGION_TURKISTAN))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/reconciliation/runs/" + run + "/duplicates").param("register", "school")
			.with(as(Demo.REGION_TURKISTAN))).andExpect(status().isBadRequest());
	}

	@Test
	void aReviewerSaysTwoRecordsAreDifferentChildrenAndTheNextRunKeepsThemApart() throws Exception {
		long run = startAndWait(Demo.REGION_TURKISTAN);
		String review = "/reconcile/runs/" + run + "/records/RR-H1?register=HEALTH&lang=en";
		String page = mvc.perform(get(review).with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the child's records are shown together: both health records and the benefit
		assertThat(page).contains("Records of this child", "RR-H2", "RR-B1", "Social-protection register");
		mvc.perform(post("/reconcile/runs/" + run + "/records/RR-H1/duplicate").param("register", "HEALTH")
			.param("other", "RR-H2")
			.param("decision", "different")
			.with(as(Demo.REGION_TURKISTAN))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection());
		long again = startAndWait(Demo.REGION_TURKISTAN);
		List<Map<String, String>> twice = csv(
				get("/api/v1/reconciliation/runs/" + again + "/duplicates").param("register", "HEALTH")
					.param("unit", DISTRICT),
				Demo.REGION_TURKISTAN);
		assertThat(twice).extracting(row -> row.get("record_id")).doesNotContain("RR-H1", "RR-H2");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = ? AND record_type = 'reconcile_duplicate_decision'
					AND record_id = 'HEALTH:RR-H1:RR-H2'""").param(Demo.REGION_TURKISTAN).query(Long.class).single())
			.isEqualTo(1);
	}

	private long startAndWait(String user) throws Exception {
		MvcResult started = mvc
			.perform(post("/api/v1/reconciliation/runs").param("year", String.valueOf(YEAR)).with(as(user)))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn();
		long id = json.readTree(started.getResponse().getContentAsString()).get("id").asLong();
		assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/v1/reconciliation/runs/" + id);
		for (int i = 0; i < 600; i++) {
			String status = json
				.readTree(mvc.perform(get("/api/v1/reconciliation/runs/" + id).with(as(user)))
					.andReturn()
					.getResponse()
					.getContentAsString())
				.get("status")
				.asText();
			if (!status.equals("RUNNING")) {
				assertThat(status).isEqualTo("FINISHED");
				return id;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("run " + id + " did not finish");
	}

	private List<Map<String, String>> csv(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
			throws Exception {
		String text = mvc.perform(request.with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = text.split("\r\n");
		List<String> header = parse(lines[0]);
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			List<String> cells = parse(lines[i]);
			Map<String, String> row = new java.util.LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), cells.get(c));
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<String> parse(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	private void health(String id, String iin, String surname, String given, String patronymic, LocalDate birth,
			String sex, String district, String group) {
		jdbc.sql("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'KZ-61', ?, ?, ?, ?, 'rr-test')""")
			.params(id, iin, surname, given, patronymic, birth, sex, district, "/KZ/KZ-61/" + district + "/", group,
					Timestamp.from(Instant.now()))
			.update();
	}

	private void benefit(String id, String iin, String surname, String given, String patronymic, LocalDate birth,
			String sex, String district, String type) {
		jdbc.sql("""
				INSERT INTO social_benefit_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, benefit_type, paid_from, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'KZ-61', ?, ?, ?, ?, ?, 'rr-test')""")
			.params(id, iin, surname, given, patronymic, birth, sex, district, "/KZ/KZ-61/" + district + "/", type,
					birth.plusYears(1), Timestamp.from(Instant.now()))
			.update();
	}

}
