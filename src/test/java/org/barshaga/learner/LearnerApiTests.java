package org.barshaga.learner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The learner register through its HTTP API, on the real database: a child recorded end
 * to end, the rules on bad input, scope, health fields, consent, concurrent edits,
 * transfer and audit.
 */
@BarshagaTest
class LearnerApiTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(7000);

	private static final LocalDate BIRTH = LocalDate.of(2016, 3, 14);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSchoolRecordsAChildEndToEnd() throws Exception {
		String iin = freshIin(BIRTH, Sex.FEMALE);
		long id = createAtSchool(iin, "Сапарова", "Аружан", Sex.FEMALE);
		long guardian = created(post("/api/v1/learners/{id}/guardians", id), Demo.SCHOOL, """
				{"relation":"MOTHER","fullName":"Сапарова Гүлмира","phone":"+7 701 555 1234"}""");
		for (String purpose : List.of("EXAMINATION", "DATA_PROCESSING", "SHARING_WITH_SCHOOL")) {
			created(post("/api/v1/learners/{id}/consents", id), Demo.SCHOOL, """
					{"purpose":"%s","guardianId":%d,"givenOn":"%s"}""".formatted(purpose, guardian, daysAgo(60)));
		}
		created(post("/api/v1/learners/{id}/conclusions", id), Demo.SCHOOL, conclusion(daysAgo(50), daysAgo(-300)));
		MockHttpServletResponse functioning = call(post("/api/v1/learners/{id}/functioning", id), Demo.SCHOOL, """
				{"ageGroup":"5-17","assessedOn":"%s","answers":{"usesWalkingEquipment":true,
				 "walking100mWithoutEquipment":"A_LOT_OF_DIFFICULTY","walking100mComparedToPeers":"NO_DIFFICULTY",
				 "learning":"SOME_DIFFICULTY","anxiety":"DAILY"}}""".formatted(daysAgo(40)));
		assertThat(functioning.getStatus()).isEqualTo(200);
		Map<String, Boolean> domains = JsonPath.read(functioning.getContentAsString(), "$.domains");
		assertThat(domains).hasSize(13).containsEntry("walking", true).containsEntry("anxiety", true);
		assertThat(domains.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
			.containsExactlyInAnyOrder("walking", "anxiety");
		assertThat(JsonPath.<Boolean>read(functioning.getContentAsString(), "$.functionalDifficulty")).isTrue();
		created(post("/api/v1/learners/{id}/support-levels", id), Demo.SCHOOL, """
				{"level":3,"setOn":"%s","rationale":"Conclusion of the PMPC"}""".formatted(daysAgo(30)));
		int year = SchoolYear.of(LocalDate.now()).startYear();
		long plan = created(post("/api/v1/learners/{id}/plans", id), Demo.SCHOOL, """
				{"schoolYear":%d,"startedOn":"%s","adaptations":"Visual timetable"}""".formatted(year,
				new SchoolYear(year).start().plusDays(10)));
		long goal = created(post("/api/v1/learners/{id}/plans/{plan}/goals", id, plan), Demo.SCHOOL, """
				{"domain":"COMMUNICATION","description":"Asks for help","baseline":"never","target":"3 times a day",
				 "measure":"observation"}""");
		assertThat(call(put("/api/v1/learners/{id}/plans/{plan}/services", id, plan), Demo.SCHOOL, """
				{"specialist":"SPEECH_THERAPIST","weeklyHours":2,"assignedUsername":"specialist.demo"}""").getStatus())
			.isEqualTo(204);
		// a number that passes every range check but costs minutes to round is refused at
		// once
		MockHttpServletResponse tiny = call(put("/api/v1/learners/{id}/plans/{plan}/services", id, plan), Demo.SCHOOL,
				"""
						{"specialist":"SPEECH_THERAPIST","weeklyHours":1e-999999999}""");
		assertThat(tiny.getStatus()).isEqualTo(400);
		assertThat(tiny.getContentAsString()).contains("weeklyHours");
		MockHttpServletResponse tinyConclusion = call(post("/api/v1/learners/{id}/conclusions", id), Demo.PMPC,
				conclusion(daysAgo(5), daysAgo(-300)).replace("{\"SPEECH_THERAPIST\":2}",
						"{\"SPEECH_THERAPIST\":1e-99999999}"));
		assertThat(tinyConclusion.getStatus()).isEqualTo(400);
		assertThat(tinyConclusion.getContentAsString()).contains("hours.SPEECH_THERAPIST");
		created(post("/api/v1/learners/{id}/plans/{plan}/reviews", id, plan), Demo.SCHOOL, """
				{"term":1,"reviewedOn":"%s","ratings":{"%d":{"score":1,"remark":"progress"}}}""".formatted(daysAgo(1),
				goal));
		for (int minutes : List.of(45, 45, 30)) {
			created(post("/api/v1/learners/{id}/sessions", id), Demo.SPECIALIST, """
					{"heldOn":"%s","minutes":%d,"specialist":"SPEECH_THERAPIST","grouped":false,"attended":true}"""
				.formatted(LocalDate.now(), minutes));
		}
		created(post("/api/v1/learners/{id}/sessions", id), Demo.SPECIALIST,
				"""
						{"heldOn":"%s","minutes":45,"specialist":"SPEECH_THERAPIST","attended":false,"missedReason":"ILLNESS"}"""
					.formatted(LocalDate.now()));
		created(post("/api/v1/learners/{id}/devices", id), Demo.SCHOOL, """
				{"kind":"HEARING_AID","providedOn":"%s","condition":"GOOD"}""".formatted(daysAgo(5)));

		String record = read(id, Demo.SCHOOL);
		assertThat(JsonPath.<String>read(record, "$.learner.iin")).isEqualTo(iin);
		assertThat(JsonPath.<List<String>>read(record, "$.conclusions[0].senCategories")).containsExactly("SPEECH");
		assertThat(JsonPath.<List<Object>>read(record, "$.plans[0].reviews")).hasSize(1);
		List<Map<String, Object>> now = JsonPath.read(record,
				"$.delivery[?(@.month == '" + java.time.YearMonth.now() + "' && @.specialist == 'SPEECH_THERAPIST')]");
		assertThat(now).hasSize(1);
		assertThat(now.get(0).get("deliveredHours").toString()).isEqualTo("2.0");
		double recommended = Double.parseDouble(now.get(0).get("recommendedHours").toString());
		assertThat(recommended)
			.isEqualTo(Math.round(2.0 * Delivery.weekdays(LocalDate.now().withDayOfMonth(1), LocalDate.now()) / 5 * 10)
					/ 10.0);
		assertThat(JsonPath.<List<Object>>read(record, "$.sessions")).hasSize(4);
		assertThat(JsonPath.<List<Object>>read(record, "$.devices")).hasSize(1);
	}

	@Test
	void badInputIsRefusedByFieldInTheCallersLanguageAndNothingIsSaved() throws Exception {
		long before = count();
		MockHttpServletResponse response = call(post("/api/v1/learners").header("Accept-Language", "ru"),
				Demo.DISTRICT_SARYAGASH, identity("061211600013", "2006-12-11", "FEMALE"));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("iin");
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.errors[0].message"))
			.contains("контрольная цифра");
		response = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH,
				identity("061211600012", "2006-12-12", "MALE"));
		assertThat(fields(response)).containsExactly("birthDate", "sex");
		response = call(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH, identity("", "2016-02-30", "MALE"));
		assertThat(fields(response)).containsExactly("birthDate");
		assertThat(count()).isEqualTo(before);

		long id = createAtSchool(freshIin(BIRTH, Sex.MALE), "Тестов", "Ерлан", Sex.MALE);
		giveConsents(id);
		response = call(post("/api/v1/learners/{id}/conclusions", id), Demo.SCHOOL,
				conclusion(daysAgo(10), daysAgo(20)).replace("\"SPEECH_THERAPIST\":2", "\"SPEECH_THERAPIST\":-2")
					.replace(pmpc(), "KZ-XX-PM999"));
		assertThat(fields(response)).containsExactlyInAnyOrder("pmpcCode", "hours.SPEECH_THERAPIST", "nextReviewOn");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM conclusion WHERE learner_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		response = call(post("/api/v1/learners/{id}/sessions", id), Demo.SCHOOL, """
				{"heldOn":"%s","minutes":0,"specialist":"TUTOR","attended":false}""".formatted(daysAgo(-3)));
		assertThat(fields(response)).containsExactlyInAnyOrder("heldOn", "minutes", "missedReason");
	}

	@Test
	void aDuplicateIinLinksToTheRecordOnlyInsideTheScopeAndBecomesATransferRequestOutside() throws Exception {
		String iin = freshIin(BIRTH, Sex.MALE);
		long id = created(post("/api/v1/learners"), Demo.REGION_TURKISTAN,
				identity(iin, BIRTH.toString(), "MALE").replace("KZ-61-D08", "KZ-61-D01"));
		MockHttpServletResponse region = call(post("/api/v1/learners"), Demo.REGION_TURKISTAN,
				identity(iin, BIRTH.toString(), "MALE"));
		assertThat(JsonPath.<String>read(region.getContentAsString(), "$.errors[0].message"))
			.contains(String.valueOf(id));
		MockHttpServletResponse district = call(post("/api/v1/learners").header("Accept-Language", "en"),
				Demo.DISTRICT_SARYAGASH, identity(iin, BIRTH.toString(), "MALE"));
		assertThat(district.getStatus()).as("outside the scope, a transfer request").isEqualTo(202);
		assertThat(district.getContentAsString()).doesNotContain(String.valueOf(id)).doesNotContain("outside");
	}

	@Test
	void recordsOutsideTheScopeAreNotFoundAndResearchersSeeNoChild() throws Exception {
		long saryagash = created(post("/api/v1/learners"), Demo.DISTRICT_SARYAGASH,
				identity(freshIin(BIRTH, Sex.MALE), BIRTH.toString(), "MALE"));
		long elsewhere = created(post("/api/v1/learners"), Demo.REGION_TURKISTAN,
				identity(freshIin(BIRTH, Sex.MALE), BIRTH.toString(), "MALE").replace("KZ-61-D08", "KZ-61-D01"));
		assertThat(call(get("/api/v1/learners/{id}", saryagash), Demo.DISTRICT_SARYAGASH, null).getStatus())
			.isEqualTo(200);
		assertThat(call(get("/api/v1/learners/{id}", elsewhere), Demo.DISTRICT_SARYAGASH, null).getStatus())
			.isEqualTo(404);
		assertThat(call(get("/api/v1/learners/{id}", elsewhere), Demo.SCHOOL, null).getStatus()).isEqualTo(404);
		assertThat(call(get("/api/v1/learners/{id}", elsewhere), Demo.PMPC, null).getStatus()).isEqualTo(200);
		assertThat(call(get("/api/v1/learners/{id}", elsewhere), Demo.REGION_TURKISTAN, null).getStatus())
			.isEqualTo(200);
		assertThat(call(get("/api/v1/learners/{id}", saryagash), Demo.RESEARCHER, null).getStatus()).isEqualTo(403);
		assertThat(call(get("/api/v1/learners"), Demo.RESEARCHER, null).getStatus()).isEqualTo(403);
		assertThat(call(post("/api/v1/learners/{id}/guardians", elsewhere), Demo.DISTRICT_SARYAGASH,
				"{\"relation\":\"MOTHER\",\"fullName\":\"X\"}")
			.getStatus()).isEqualTo(404);
		String list = call(get("/api/v1/learners?orgUnit=KZ-61-D01"), Demo.DISTRICT_SARYAGASH, null)
			.getContentAsString();
		assertThat(JsonPath.<Integer>read(list, "$.total")).isZero();
	}

	@Test
	void healthFieldsAreShownOnlyToTheRolesThatNeedThem() throws Exception {
		long id = createAtSchool(freshIin(BIRTH, Sex.FEMALE), "Health", "Check", Sex.FEMALE);
		giveConsents(id);
		created(post("/api/v1/learners/{id}/conclusions", id), Demo.SCHOOL, conclusion(daysAgo(20), daysAgo(-200)));
		call(post("/api/v1/learners/{id}/functioning", id), Demo.SCHOOL, """
				{"ageGroup":"5-17","answers":{"seeing":"CANNOT_DO_AT_ALL"}}""");
		Map<String, Boolean> sees = Map.of(Demo.SCHOOL, true, Demo.PMPC, true, Demo.DISTRICT_SARYAGASH, false,
				Demo.REGION_TURKISTAN, false, Demo.MINISTRY, false, Demo.ADMIN, false, Demo.SPECIALIST, false);
		for (Map.Entry<String, Boolean> reader : sees.entrySet()) {
			String record = read(id, reader.getKey());
			assertThat(JsonPath.<Object>read(record, "$.conclusions[0].senCategories")).as(reader.getKey())
				.matches(v -> (v != null) == reader.getValue());
			assertThat(JsonPath.<Object>read(record, "$.functioning[0].answers")).as(reader.getKey())
				.matches(v -> (v != null) == reader.getValue());
			assertThat(JsonPath.<Object>read(record, "$.learner.disability")).as(reader.getKey())
				.matches(v -> (v != null) == reader.getValue());
		}
		long plan = created(post("/api/v1/learners/{id}/plans", id), Demo.SCHOOL, """
				{"schoolYear":%d,"startedOn":"%s","adaptations":""}"""
			.formatted(SchoolYear.of(LocalDate.now()).startYear(), SchoolYear.of(LocalDate.now()).start().plusDays(3)));
		call(put("/api/v1/learners/{id}/plans/{plan}/services", id, plan), Demo.SCHOOL, """
				{"specialist":"SPEECH_THERAPIST","weeklyHours":1.5,"assignedUsername":"specialist.demo"}""");
		assertThat(JsonPath.<Object>read(read(id, Demo.SPECIALIST), "$.conclusions[0].senCategories")).isNotNull();
		long sharing = jdbc.sql("SELECT id FROM consent WHERE learner_id = :id AND purpose = 'SHARING_WITH_SCHOOL'")
			.param("id", id)
			.query(Long.class)
			.single();
		call(post("/api/v1/learners/{id}/consents/{c}/withdrawal", id, sharing), Demo.SCHOOL,
				"{\"withdrawnOn\":\"%s\"}".formatted(LocalDate.now()));
		assertThat(JsonPath.<Object>read(read(id, Demo.SCHOOL), "$.conclusions[0].senCategories")).isNull();
		assertThat(JsonPath.<Object>read(read(id, Demo.PMPC), "$.conclusions[0].senCategories")).isNotNull();
	}

	@Test
	void withdrawingConsentRestrictsTheRecordAndDeletesNothing() throws Exception {
		long id = createAtSchool(freshIin(BIRTH, Sex.MALE), "Consent", "Withdrawn", Sex.MALE);
		giveConsents(id);
		created(post("/api/v1/learners/{id}/conclusions", id), Demo.SCHOOL, conclusion(daysAgo(20), daysAgo(-200)));
		long processing = jdbc.sql("SELECT id FROM consent WHERE learner_id = :id AND purpose = 'DATA_PROCESSING'")
			.param("id", id)
			.query(Long.class)
			.single();
		MockHttpServletResponse early = call(post("/api/v1/learners/{id}/consents/{c}/withdrawal", id, processing),
				Demo.SCHOOL, "{\"withdrawnOn\":\"%s\"}".formatted(daysAgo(90)));
		assertThat(fields(early)).containsExactly("withdrawnOn");
		assertThat(call(post("/api/v1/learners/{id}/consents/{c}/withdrawal", id, processing), Demo.SCHOOL,
				"{\"withdrawnOn\":\"%s\"}".formatted(LocalDate.now()))
			.getStatus()).isEqualTo(204);
		assertThat(call(post("/api/v1/learners/{id}/consents/{c}/withdrawal", id, processing), Demo.SCHOOL,
				"{\"withdrawnOn\":\"%s\"}".formatted(LocalDate.now()))
			.getStatus()).isEqualTo(409);
		String record = read(id, Demo.SCHOOL);
		assertThat(JsonPath.<Boolean>read(record, "$.restriction.withdrawn")).isTrue();
		assertThat(JsonPath.<List<Object>>read(record, "$.conclusions")).isEmpty();
		assertThat(JsonPath.<List<Object>>read(record, "$.consents")).hasSize(3);
		MockHttpServletResponse session = call(post("/api/v1/learners/{id}/sessions", id), Demo.SCHOOL, """
				{"heldOn":"%s","minutes":30,"specialist":"TUTOR","attended":true}""".formatted(LocalDate.now()));
		assertThat(fields(session)).containsExactly("consent");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM conclusion WHERE learner_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isOne();
		String list = call(get("/api/v1/learners?worklist=CONSENT_MISSING&q=Consent Withdrawn"), Demo.SCHOOL, null)
			.getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].id")).contains((int) id);
	}

	@Test
	void theSecondOfTwoConcurrentEditsGetsAConflictAndChangesNothing() throws Exception {
		String iin = freshIin(BIRTH, Sex.MALE);
		long id = createAtSchool(iin, "Versioned", "Learner", Sex.MALE);
		String first = identity(iin, BIRTH.toString(), "MALE").replace("\"Тестов\"", "\"First\"")
			.replace("}", ",\"version\":0}");
		String second = identity(iin, BIRTH.toString(), "MALE").replace("\"Тестов\"", "\"Second\"")
			.replace("}", ",\"version\":0}");
		assertThat(call(put("/api/v1/learners/{id}", id), Demo.SCHOOL, first).getStatus()).isEqualTo(200);
		MockHttpServletResponse conflict = call(put("/api/v1/learners/{id}", id), Demo.SCHOOL, second);
		assertThat(conflict.getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT surname FROM learner WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("First");
	}

	@Test
	void guardiansAndDevicesAreEditedWithTheVersionReadAndAStaleEditChangesNothing() throws Exception {
		long id = createAtSchool(freshIin(BIRTH, Sex.MALE), "Editable", "Items", Sex.MALE);
		giveConsents(id);
		long guardian = created(post("/api/v1/learners/{id}/guardians", id), Demo.SCHOOL,
				"{\"relation\":\"FATHER\",\"fullName\":\"Old Name\"}");
		String update = "{\"relation\":\"FATHER\",\"fullName\":\"New Name\",\"phone\":\"+7 702 000 0000\",\"version\":0}";
		assertThat(call(put("/api/v1/learners/{id}/guardians/{g}", id, guardian), Demo.SCHOOL, update).getStatus())
			.isEqualTo(204);
		assertThat(call(put("/api/v1/learners/{id}/guardians/{g}", id, guardian), Demo.SCHOOL,
				update.replace("New Name", "Lost Name"))
			.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<List<String>>read(read(id, Demo.SCHOOL), "$.guardians[*].fullName"))
			.containsExactly("New Name");
		long device = created(post("/api/v1/learners/{id}/devices", id), Demo.SCHOOL, """
				{"kind":"WHEELCHAIR","providedOn":"%s","condition":"GOOD"}""".formatted(daysAgo(100)));
		MockHttpServletResponse early = call(put("/api/v1/learners/{id}/devices/{d}", id, device), Demo.SCHOOL, """
				{"kind":"WHEELCHAIR","providedOn":"%s","returnedOn":"%s","condition":"BROKEN","version":0}"""
			.formatted(daysAgo(100), daysAgo(200)));
		assertThat(fields(early)).containsExactly("returnedOn");
		assertThat(call(put("/api/v1/learners/{id}/devices/{d}", id, device), Demo.SCHOOL, """
				{"kind":"WHEELCHAIR","providedOn":"%s","returnedOn":"%s","condition":"BROKEN","version":0}"""
			.formatted(daysAgo(100), daysAgo(1))).getStatus()).isEqualTo(204);
		String record = read(id, Demo.SCHOOL);
		assertThat(JsonPath.<String>read(record, "$.devices[0].condition")).isEqualTo("BROKEN");
		assertThat(JsonPath.<Integer>read(record, "$.devices[0].version")).isEqualTo(1);
		assertThat(call(put("/api/v1/learners/{id}/devices/{d}", id, device), Demo.DISTRICT_SARYAGASH, """
				{"kind":"WHEELCHAIR","providedOn":"%s","condition":"GOOD","version":1}""".formatted(daysAgo(100)))
			.getStatus()).as("a district department does not keep devices").isEqualTo(403);
	}

	@Test
	void aTransferMovesTheChildToTheNewSchoolsScopeAndKeepsTheHistoryForTheRegion() throws Exception {
		long id = createAtSchool(freshIin(BIRTH, Sex.FEMALE), "Transfer", "Girl", Sex.FEMALE);
		assertThat(call(post("/api/v1/learners/{id}/enrolments", id), Demo.SCHOOL, """
				{"organisationCode":"KZ-61-D01-S001","grade":"4","form":"INCLUSIVE_CLASS","startedOn":"%s",
				 "previousEndReason":"TRANSFER"}""".formatted(LocalDate.now())).getStatus())
			.as("a school does not push a child into another district's school")
			.isEqualTo(400);
		created(post("/api/v1/learners/{id}/enrolments", id), Demo.REGION_TURKISTAN, """
				{"organisationCode":"KZ-61-D01-S001","grade":"4","form":"INCLUSIVE_CLASS","startedOn":"%s",
				 "previousEndReason":"TRANSFER"}""".formatted(LocalDate.now()));
		assertThat(call(get("/api/v1/learners/{id}", id), Demo.SCHOOL, null).getStatus()).isEqualTo(404);
		assertThat(call(get("/api/v1/learners/{id}", id), Demo.DISTRICT_SARYAGASH, null).getStatus()).isEqualTo(404);
		String record = read(id, Demo.REGION_TURKISTAN);
		assertThat(JsonPath.<List<String>>read(record, "$.enrolments[*].organisationCode"))
			.containsExactly("KZ-61-D01-S001", "KZ-61-D08-S001");
		assertThat(JsonPath.<String>read(record, "$.enrolments[1].endReason")).isEqualTo("TRANSFER");
		assertThat(JsonPath.<String>read(record, "$.learner.path")).endsWith("/KZ-61-D01-S001/");
	}

	@Test
	void everyReadAndChangeOfAChildIsInTheAudit() throws Exception {
		long id = createAtSchool(freshIin(BIRTH, Sex.MALE), "Audited", "Boy", Sex.MALE);
		read(id, Demo.DISTRICT_SARYAGASH);
		call(get("/api/v1/learners?q=Audited Boy"), Demo.SCHOOL, null);
		String audit = call(get("/api/v1/audit?subject=learner:" + id), Demo.ADMIN, null).getContentAsString();
		List<Map<String, Object>> entries = JsonPath.read(audit, "$.items");
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("CREATE");
			assertThat(e.get("actor")).isEqualTo(Demo.SCHOOL);
			assertThat(e.get("fields").toString()).contains("surname").contains("Audited");
		});
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("READ");
			assertThat(e.get("actor")).isEqualTo(Demo.DISTRICT_SARYAGASH);
		});
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("READ");
			assertThat(e.get("actor")).isEqualTo(Demo.SCHOOL);
			assertThat(e.get("detail").toString()).startsWith("list");
		});
		assertThat(call(get("/api/v1/audit?subject=learner"), Demo.ADMIN, null).getStatus()).isEqualTo(400);
	}

	// Helpers

	private long createAtSchool(String iin, String surname, String given, Sex sex) throws Exception {
		return created(post("/api/v1/learners"), Demo.SCHOOL, """
				{"iin":"%s","surname":"%s","givenName":"%s","birthDate":"%s","sex":"%s","citizenship":"KZ",
				 "language":"KK","homeUnitCode":"KZ-61-D08",
				 "enrolment":{"grade":"3","className":"3А","form":"INCLUSIVE_CLASS","startedOn":"%s"}}""".formatted(iin,
				surname, given, Iin.birthDate(iin), sex, daysAgo(100)));
	}

	private void giveConsents(long id) throws Exception {
		for (String purpose : List.of("EXAMINATION", "DATA_PROCESSING", "SHARING_WITH_SCHOOL")) {
			created(post("/api/v1/learners/{id}/consents", id), Demo.SCHOOL,
					"{\"purpose\":\"%s\",\"givenOn\":\"%s\"}".formatted(purpose, daysAgo(60)));
		}
	}

	private static String identity(String iin, String birthDate, String sex) {
		return """
				{"iin":"%s","surname":"Тестов","givenName":"Тест","birthDate":"%s","sex":"%s","citizenship":"KZ",
				 "language":"RU","homeUnitCode":"KZ-61-D08"}""".formatted(iin, birthDate, sex);
	}

	private String conclusion(String on, String review) {
		return """
				{"concludedOn":"%s","pmpcCode":"%s","number":"T-1","senCategories":["SPEECH"],
				 "programme":"GENERAL_ADAPTED","form":"INCLUSIVE_CLASS","weeklyHours":{"SPEECH_THERAPIST":2},
				 "conditions":["ENLARGED_PRINT"],"nextReviewOn":"%s"}""".formatted(on, pmpc(), review);
	}

	private String pmpc() {
		return jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/%'")
			.query(String.class)
			.single();
	}

	private String freshIin(LocalDate birth, Sex sex) {
		while (true) {
			String iin = Iin.of(birth, sex, SERIAL.getAndIncrement());
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
				.param("iin", iin)
				.query(Long.class)
				.single() == 0) {
				return iin;
			}
		}
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM learner").query(Long.class).single();
	}

	private String read(long id, String user) throws Exception {
		MockHttpServletResponse response = call(get("/api/v1/learners/{id}", id), user, null);
		assertThat(response.getStatus()).as(user).isEqualTo(200);
		return response.getContentAsString();
	}

	private long created(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		MockHttpServletResponse response = call(request, user, body);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user, String body)
			throws Exception {
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request.with(as(user))).andReturn().getResponse();
	}

	private static List<String> fields(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		return JsonPath.read(response.getContentAsString(), "$.errors[*].field");
	}

	private static String daysAgo(int days) {
		return LocalDate.now().minusDays(days).toString();
	}

}
