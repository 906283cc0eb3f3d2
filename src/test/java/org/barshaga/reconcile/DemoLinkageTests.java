package org.barshaga.reconcile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.Iin;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's extracts of Saryagash (KZ-61-D08) and Alatau (KZ-75-R01) and the linkage run
 * made of them at start, checked against what the seeding knows: the demo never writes a
 * mistyped IIN that is valid, so a health record whose IIN passes the check carries the
 * child's own, and that child is a pupil exactly when the IIN is in the enrolment
 * extract.
 */
@BarshagaTest
class DemoLinkageTests {

	static final List<String> DISTRICTS = List.of("/KZ/KZ-61/KZ-61-D08/", "/KZ/KZ-75/KZ-75-R01/");

	static final Set<String> LINKED = Set.of("SUPPORTED", "NO_SEN_RECORD", "NO_SUPPORT");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reconciliation reconciliation;

	int year;

	long run;

	/** The demo's health records with their result in the demo run. */
	List<Map<String, Object>> results;

	Set<String> pupils;

	@BeforeEach
	void demoRun() {
		year = reconciliation.currentSchoolYear();
		run = jdbc.sql("SELECT MIN(id) FROM reconcile_run WHERE actor = 'demo-data' AND school_year = ?")
			.param(year)
			.query(Long.class)
			.single();
		results = jdbc.sql("""
				SELECT h.record_id, h.iin, h.surname, h.given_name, h.birth_date, h.path, r.outcome, r.pupil_iin
				FROM health_registry_record h JOIN reconcile_result r ON r.record_id = h.record_id AND r.run_id = ?
				WHERE h.updated_by = 'demo-data' ORDER BY h.record_id""").param(run).query().listOfRows();
		pupils = new HashSet<>(jdbc.sql("SELECT TRIM(iin) FROM enrolment_extract WHERE school_year = ?")
			.param(year)
			.query(String.class)
			.list());
	}

	@Test
	void theDemoHasAnEnrolmentExtractAndAHealthRegistryExtractOfTwoDistricts() {
		long total = 0;
		for (String district : DISTRICTS) {
			long extract = jdbc.sql("""
					SELECT COUNT(*) FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
					WHERE e.school_year = ? AND o.path LIKE ?""")
				.params(year, district + "%")
				.query(Long.class)
				.single();
			long health = jdbc
				.sql("SELECT COUNT(*) FROM health_registry_record WHERE updated_by = 'demo-data' AND path = ?")
				.param(district)
				.query(Long.class)
				.single();
			assertThat(extract).as(district).isGreaterThan(1_000);
			assertThat(health).as(district).isGreaterThan(20);
			total += extract;
		}
		assertThat(total).isLessThanOrEqualTo(30_000);
		// the records lie where the import would put them, in the district of residence
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM health_registry_record h JOIN org_unit u ON u.code = h.district_code
				WHERE h.updated_by = 'demo-data' AND (h.path <> u.path OR u.parent_code <> h.region_code)""")
			.query(Long.class)
			.single()).isZero();
		// every demo learner enrolled there is in the extract as the learner register has
		// them
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM learner l JOIN enrolment e ON e.learner_id = l.id
					JOIN organisation o ON o.id = e.organisation_id
				WHERE l.created_by = 'demo-data' AND l.version = 0 AND l.iin IS NOT NULL AND e.ended_on IS NULL
					AND e.recorded_by = 'demo-data' AND o.org_unit_code IN ('KZ-61-D08', 'KZ-75-R01')
					AND NOT EXISTS (SELECT 1 FROM enrolment_extract x WHERE x.school_year = ? AND x.iin = l.iin
						AND x.surname = l.surname AND x.given_name = l.given_name AND x.birth_date = l.birth_date
						AND x.sex = l.sex AND x.organisation_id = e.organisation_id)""")
			.param(year)
			.query(Long.class)
			.single()).isZero();
		// and the IINs are valid
		assertThat(jdbc.sql("SELECT TRIM(iin) FROM enrolment_extract WHERE school_year = ?")
			.param(year)
			.query(String.class)
			.list()).allMatch(Iin::isValid);
	}

	@Test
	void theDemoRunFoundChildrenOutOfSchoolInSaryagashAndLeftSomeForReview() {
		ReconcileRun demo = reconciliation.run(DemoLinkage.DEMO, run);
		assertThat(demo.status()).isEqualTo(ReconcileRun.Status.FINISHED);
		assertThat(demo.scopePath()).isEqualTo("/KZ/");
		assertThat(demo.healthRecords()).isGreaterThanOrEqualTo(results.size());
		assertThat(results).isNotEmpty();
		assertThat(outcomes("NOT_ENROLLED", DISTRICTS.get(0))).isPositive();
		assertThat(outcomes("NOT_ENROLLED", DISTRICTS.get(1))).isPositive();
		assertThat(outcomes("UNCERTAIN", "/KZ/")).isPositive();
		assertThat(outcomes("NOT_SCHOOL_AGE", "/KZ/")).isPositive();
		assertThat(outcomes("NO_SEN_RECORD", "/KZ/")).isPositive();
	}

	private long outcomes(String outcome, String residence) {
		return results.stream()
			.filter(r -> r.get("outcome").equals(outcome) && ((String) r.get("path")).startsWith(residence))
			.count();
	}

	@Test
	void everyLinkOfARecordWithItsOwnIinIsRightAndNoChildOutOfSchoolIsLinked() {
		int intact = 0;
		int linked = 0;
		int outOfSchool = 0;
		List<String> wrong = new ArrayList<>();
		for (Map<String, Object> r : results) {
			String iin = r.get("iin") == null ? null : ((String) r.get("iin")).trim();
			if (iin == null || !Iin.isValid(iin)) {
				continue;
			}
			String outcome = (String) r.get("outcome");
			String pupil = r.get("pupil_iin") == null ? null : ((String) r.get("pupil_iin")).trim();
			if (pupils.contains(iin)) {
				intact++;
				if (LINKED.contains(outcome)) {
					linked++;
					if (!iin.equals(pupil)) {
						wrong.add(r.get("record_id") + " linked to another pupil");
					}
				}
			}
			else {
				int age = (int) ChronoUnit.YEARS.between(birthDate(r), LocalDate.of(year, 9, 1));
				boolean schoolAge = age >= Reconciliation.SCHOOL_AGE_FROM && age <= Reconciliation.SCHOOL_AGE_TO;
				if (schoolAge) {
					outOfSchool++;
				}
				Set<String> allowed = schoolAge ? Set.of("NOT_ENROLLED", "UNCERTAIN")
						: Set.of("NOT_SCHOOL_AGE", "UNCERTAIN");
				if (!allowed.contains(outcome)) {
					wrong.add(r.get("record_id") + " of a child in no school is " + outcome);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(intact).as("records with the pupil's own IIN").isGreaterThan(results.size() / 2);
		assertThat(linked).as("of them linked").isGreaterThanOrEqualTo(intact * 95 / 100);
		assertThat(outOfSchool).as("children of school age in no school").isGreaterThanOrEqualTo(10);
	}

	/**
	 * Twins of one school have the same surname, patronymic and birth date; a record of
	 * one of them without an IIN is linked, if at all, to the twin of its given name.
	 */
	@Test
	void aTwinsRecordWithoutIinIsLinkedToTheRightTwin() {
		Map<String, List<Map<String, Object>>> twins = new HashMap<>();
		jdbc.sql("""
				SELECT e.iin, e.surname, e.given_name, e.birth_date FROM enrolment_extract e
				JOIN organisation o ON o.id = e.organisation_id
				WHERE e.school_year = :year AND o.org_unit_code IN ('KZ-61-D08', 'KZ-75-R01')
					AND EXISTS (SELECT 1 FROM enrolment_extract t WHERE t.school_year = e.school_year
						AND t.organisation_id = e.organisation_id AND t.birth_date = e.birth_date AND t.iin <> e.iin
						AND t.patronymic = e.patronymic AND SUBSTRING(t.surname, 1, 4) = SUBSTRING(e.surname, 1, 4))""")
			.param("year", year)
			.query()
			.listOfRows()
			.forEach(row -> twins.computeIfAbsent(birthDate(row).toString(), k -> new ArrayList<>()).add(row));
		int checked = 0;
		for (Map<String, Object> r : results) {
			if (r.get("iin") != null || !twins.containsKey(birthDate(r).toString())) {
				continue;
			}
			List<Map<String, Object>> same = twins.get(birthDate(r).toString())
				.stream()
				.filter(t -> NameForms.canonical((String) t.get("given_name"))
					.equals(NameForms.canonical((String) r.get("given_name")))
						&& stem(t.get("surname")).equals(stem(r.get("surname"))))
				.toList();
			if (same.size() != 1) {
				continue;
			}
			checked++;
			if (r.get("pupil_iin") != null) {
				assertThat(((String) r.get("pupil_iin")).trim()).as((String) r.get("record_id"))
					.isEqualTo(((String) same.get(0).get("iin")).trim());
			}
		}
		assertThat(checked).as("twins' records without IIN").isGreaterThanOrEqualTo(2);
	}

	private static String stem(Object surname) {
		return NameForms.surnameStem(NameForms.canonical((String) surname));
	}

	private static LocalDate birthDate(Map<String, Object> row) {
		Object value = row.get("birth_date");
		return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
	}

}
