package org.barshaga.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Linkage runs on the real database: what each outcome means in terms of the registers,
 * that a run changes no register, that the same data give the same run, and that every
 * run and every result stays inside the scope of whoever asks.
 */
@BarshagaTest
class ReconciliationTests {

	static final Actor ADMIN = new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION);

	/**
	 * North Kazakhstan: a demo region whose learners no other fixture puts in the
	 * extract.
	 */
	static final Actor REGION_59 = new Actor(2, "region.test59", "Region officer", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-59/"));

	static final Actor REGION_75 = new Actor(3, "region.test75", "Region officer", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-75/"));

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	JdbcClient jdbc;

	int year;

	/**
	 * A demo learner of KZ-59 with a conclusion and an attended session this school year.
	 */
	Map<String, Object> supported;

	/**
	 * A demo learner of KZ-59 with a conclusion and no attended session this school year.
	 */
	Map<String, Object> unsupported;

	final List<String> pupils = new ArrayList<>();

	@BeforeEach
	void fixture() {
		year = reconciliation.currentSchoolYear();
		String learnerColumns = """
				SELECT l.iin, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex, e.organisation_id, o.path
				FROM learner l JOIN enrolment e ON e.learner_id = l.id JOIN organisation o ON o.id = e.organisation_id
				WHERE l.path LIKE '/KZ/KZ-59/%' AND l.iin IS NOT NULL AND e.ended_on IS NULL
					AND EXISTS (SELECT 1 FROM conclusion c WHERE c.learner_id = l.id)
					AND l.iin NOT IN (SELECT iin FROM enrolment_extract WHERE school_year = :year)
					AND""";
		supported = jdbc
			.sql(learnerColumns
					+ " l.iin IN (SELECT iin FROM reconcile_support_session WHERE held_on >= :from AND held_on < :to)"
					+ " ORDER BY l.iin LIMIT 1")
			.param("year", year)
			.param("from", LocalDate.of(year, 9, 1))
			.param("to", LocalDate.of(year + 1, 9, 1))
			.query()
			.singleRow();
		unsupported = jdbc.sql(learnerColumns
				+ " l.iin NOT IN (SELECT iin FROM reconcile_support_session WHERE held_on >= :from AND held_on < :to)"
				+ " ORDER BY l.iin LIMIT 1")
			.param("year", year)
			.param("from", LocalDate.of(year, 9, 1))
			.param("to", LocalDate.of(year + 1, 9, 1))
			.query()
			.singleRow();
		long school = ((Number) supported.get("organisation_id")).longValue();
		String schoolPath = (String) supported.get("path");
		String district = schoolPath.split("/")[3];
		enrol(supported);
		enrol(unsupported);
		// a pupil with a disability whom the learner register does not know
		String newPupil = Iin.of(LocalDate.of(2014, 4, 17), Sex.FEMALE, 9301);
		enrol(newPupil, "Жұмабекова", "Аружан", "Ерланқызы", LocalDate.of(2014, 4, 17), Sex.FEMALE, school);
		// their health records: the IIN of the first mistyped, the second in passport
		// Latin without IIN
		health("RC-T1", mistype((String) supported.get("iin")), (String) supported.get("surname"),
				(String) supported.get("given_name"), (String) supported.get("patronymic"),
				(LocalDate) date(supported.get("birth_date")), (String) supported.get("sex"), "KZ-59", district);
		health("RC-T2", null, latin((String) unsupported.get("surname")), latin((String) unsupported.get("given_name")),
				null, date(unsupported.get("birth_date")), (String) unsupported.get("sex"), "KZ-59", district);
		health("RC-T3", newPupil, "Zhumabekova", "Aruzhan", null, LocalDate.of(2014, 4, 17), "FEMALE", "KZ-59",
				district);
		// of school age and in no school, and a toddler
		health("RC-T4", Iin.of(LocalDate.of(2012, 11, 5), Sex.MALE, 9302), "Оспанов", "Дархан", "Асқарұлы",
				LocalDate.of(2012, 11, 5), "MALE", "KZ-59", district);
		health("RC-T5", Iin.of(LocalDate.of(2023, 2, 9), Sex.MALE, 9303), "Оспанов", "Алихан", "Асқарұлы",
				LocalDate.of(2023, 2, 9), "MALE", "KZ-59", district);
		// a child of Almaty city, out of school, whom only Almaty's officers may see
		health("RC-T6", Iin.of(LocalDate.of(2011, 6, 1), Sex.FEMALE, 9304), "Серікова", "Дана", null,
				LocalDate.of(2011, 6, 1), "FEMALE", "KZ-75", null);
	}

	@AfterEach
	void removeFixture() {
		jdbc.sql("DELETE FROM health_registry_record WHERE record_id LIKE 'RC-T%'").update();
		for (String iin : pupils) {
			jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ? AND iin = ?").params(year, iin).update();
		}
	}

	private static LocalDate date(Object value) {
		return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
	}

	private void enrol(Map<String, Object> learner) {
		enrol((String) learner.get("iin"), (String) learner.get("surname"), (String) learner.get("given_name"),
				(String) learner.get("patronymic"), date(learner.get("birth_date")),
				Sex.valueOf((String) learner.get("sex")), ((Number) learner.get("organisation_id")).longValue());
	}

	private void enrol(String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex,
			long school) {
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
					organisation_id, grade, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 'KK')""")
			.params(year, iin.trim(), surname, given, patronymic, birth, sex.name(), school)
			.update();
		pupils.add(iin.trim());
	}

	private void health(String id, String iin, String surname, String given, String patronymic, LocalDate birth,
			String sex, String region, String district) {
		String path = "/KZ/" + region + "/" + (district == null ? "" : district + "/");
		jdbc.sql("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, valid_until, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CHILD_WITH_DISABILITY', ?, ?, 'test')""")
			.params(id, iin == null ? null : iin.trim(), surname, given, patronymic, birth, sex, region, district, path,
					LocalDate.of(year + 3, 1, 1), java.sql.Timestamp.from(Instant.now()))
			.update();
	}

	/** The 12th digit changed: the check digit no longer fits. */
	private static String mistype(String iin) {
		String trimmed = iin.trim();
		char last = trimmed.charAt(11);
		String wrong = trimmed.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10);
		return Iin.isValid(wrong) ? trimmed.substring(0, 11) + (char) ('0' + (last - '0' + 2) % 10) : wrong;
	}

	/** The passport romanisation of a Cyrillic name. */
	private static String latin(String name) {
		String from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";
		String[] to = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
				"t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia", "a", "g", "k", "n", "o",
				"u", "u", "i", "h" };
		StringBuilder s = new StringBuilder();
		for (char c : name.toCharArray()) {
			int at = from.indexOf(Character.toLowerCase(c));
			String mapped = at < 0 ? String.valueOf(c) : to[at];
			s.append(Character.isUpperCase(c) && !mapped.isEmpty()
					? Character.toUpperCase(mapped.charAt(0)) + mapped.substring(1) : mapped);
		}
		return s.toString();
	}

	private Map<String, Map<String, Object>> results(long run) {
		Map<String, Map<String, Object>> results = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM reconcile_result WHERE run_id = ? ORDER BY record_id")
			.param(run)
			.query()
			.listOfRows()
			.forEach(row -> results.put((String) row.get("record_id"), row));
		return results;
	}

	@Test
	void eachOutcomeSaysWhatTheRegistersHoldForTheChild() {
		long run = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		assertThat(reconciliation.run(REGION_59, run).status()).isEqualTo(ReconcileRun.Status.FINISHED);
		Map<String, Map<String, Object>> results = results(run);
		assertThat(results.get("RC-T1")).containsEntry("outcome", "SUPPORTED");
		assertThat(((String) results.get("RC-T1").get("pupil_iin")).trim())
			.isEqualTo(((String) supported.get("iin")).trim());
		assertThat(results.get("RC-T2")).containsEntry("outcome", "NO_SUPPORT");
		assertThat(((String) results.get("RC-T2").get("pupil_iin")).trim())
			.isEqualTo(((String) unsupported.get("iin")).trim());
		assertThat(results.get("RC-T3")).containsEntry("outcome", "NO_SEN_RECORD");
		assertThat(results.get("RC-T4")).containsEntry("outcome", "NOT_ENROLLED");
		assertThat(results.get("RC-T4").get("pupil_iin")).isNull();
		assertThat(results.get("RC-T5")).containsEntry("outcome", "NOT_SCHOOL_AGE");
		// an enrolled child's result lies at the school, an out-of-school child's at home
		assertThat(results.get("RC-T1").get("path")).isEqualTo(supported.get("path"));
		assertThat((String) results.get("RC-T4").get("path")).endsWith("/").doesNotContain("-G");
		assertThat(results.get("RC-T1").get("agreement").toString()).contains("IIN:ONE_EDIT", "SURNAME:EXACT");
	}

	@Test
	void aRunChangesNoRegister() {
		Map<String, Object> before = registers();
		long run = reconciliation.runNow(ADMIN, year, LinkageSettings.DEFAULT);
		assertThat(reconciliation.run(ADMIN, run).status()).isEqualTo(ReconcileRun.Status.FINISHED);
		assertThat(registers()).isEqualTo(before);
	}

	private Map<String, Object> registers() {
		Map<String, Object> state = new LinkedHashMap<>();
		for (String query : List.of(
				"SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), NULL) FROM health_registry_record",
				"SELECT COUNT(*) || ':' || COALESCE(SUM(grade), 0) FROM enrolment_extract",
				"SELECT COUNT(*) || ':' || COALESCE(SUM(version), 0) FROM learner", "SELECT COUNT(*) FROM enrolment",
				"SELECT COUNT(*) FROM conclusion", "SELECT COUNT(*) FROM support_session",
				"SELECT COUNT(*) FROM reconcile_decision")) {
			state.put(query, jdbc.sql(query).query(String.class).single());
		}
		return state;
	}

	@Test
	void theSameDataGiveTheSameRun() {
		long first = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		long second = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		Map<String, Map<String, Object>> a = results(first);
		Map<String, Map<String, Object>> b = results(second);
		assertThat(a).isNotEmpty().hasSameSizeAs(b);
		a.forEach((record, row) -> {
			Map<String, Object> other = b.get(record);
			for (String column : List.of("outcome", "pupil_iin", "probability", "weight", "agreement", "path")) {
				assertThat(other.get(column)).as(record + " " + column).isEqualTo(row.get(column));
			}
		});
		assertThat(reconciliation.run(REGION_59, second).model())
			.isEqualTo(reconciliation.run(REGION_59, first).model());
	}

	@Test
	void aRegionsRunTakesOnlyItsOwnRecordsAndOthersCannotSeeIt() {
		long run = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		assertThat(results(run).keySet()).contains("RC-T1", "RC-T4").doesNotContain("RC-T6");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM reconcile_result WHERE run_id = ? AND residence_path NOT LIKE '/KZ/KZ-59/%'")
			.param(run)
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> reconciliation.run(REGION_75, run)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> reconciliation.evidence(REGION_75, run, RecordSource.HEALTH, "RC-T1"))
			.isInstanceOf(NotFoundException.class);
		// the Ministry and the administrator see every region's run
		assertThat(reconciliation.run(ADMIN, run).id()).isEqualTo(run);
	}

	@Test
	void aDistrictOfficerReadsTheNationalRunForTheirDistrictOnlyAndCannotStartOne() {
		long run = reconciliation.runNow(ADMIN, year, LinkageSettings.DEFAULT);
		String district = ((String) supported.get("path")).split("/")[3];
		Actor officer = new Actor(4, "district.test", "District officer", Role.DISTRICT_OFFICER,
				new DataScope("/KZ/KZ-59/" + district + "/"));
		Reconciliation.ResultList out = reconciliation.list(officer, run, ReconcileOutcome.NOT_ENROLLED, null, 0);
		assertThat(out.results()).extracting(ResultRepository.ListedResult::recordId).contains("RC-T4");
		assertThat(out.results())
			.allSatisfy(r -> assertThat(r.residencePath()).startsWith(officer.scope().pathPrefix()));
		assertThatThrownBy(() -> reconciliation.evidence(officer, run, RecordSource.HEALTH, "RC-T6"))
			.isInstanceOf(NotFoundException.class);
		assertThat(reconciliation.summary(officer, run)
			.values()
			.stream()
			.flatMap(m -> m.values().stream())
			.mapToLong(Long::longValue)
			.sum())
			.isEqualTo(jdbc
				.sql("""
						SELECT COUNT(*) FROM reconcile_result WHERE run_id = ? AND (path LIKE ? OR residence_path LIKE ?)""")
				.params(run, officer.scope().pathPrefix() + "%", officer.scope().pathPrefix() + "%")
				.query(Long.class)
				.single());
		assertThatThrownBy(() -> reconciliation.start(officer, year, LinkageSettings.DEFAULT))
			.isInstanceOf(NotPermittedException.class);
		Actor researcher = new Actor(5, "researcher.test", "Researcher", Role.RESEARCHER, DataScope.NATION);
		assertThatThrownBy(() -> reconciliation.run(researcher, run)).isInstanceOf(NotPermittedException.class);
	}

	@Test
	void listingChildrenIsAnAuditedReadOfEachOne() {
		long run = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		reconciliation.list(REGION_59, run, ReconcileOutcome.NOT_ENROLLED, null, 0);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = 'region.test59' AND action = 'READ'
					AND record_type = 'health_record' AND record_id = 'RC-T4'""").query(Long.class).single())
			.isPositive();
	}

	@Test
	void aRejectedPairIsNeverProposedAgainAndAConfirmedOneIsLinked() {
		long run = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		String pupil = ((String) supported.get("iin")).trim();
		reconciliation.decide(REGION_59, run, RecordSource.HEALTH, "RC-T1", pupil, false);
		long again = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		assertThat(results(again).get("RC-T1").get("pupil_iin")).isNull();
		assertThat(reconciliation.run(REGION_59, again).decisionsApplied()).isPositive();
		reconciliation.decide(REGION_59, run, RecordSource.HEALTH, "RC-T1", pupil, true);
		long third = reconciliation.runNow(REGION_59, year, LinkageSettings.DEFAULT);
		assertThat(results(third).get("RC-T1")).containsEntry("decided", true).containsEntry("outcome", "SUPPORTED");
		jdbc.sql("DELETE FROM reconcile_decision WHERE record_id = 'RC-T1'").update();
	}

}
