package org.barshaga.learner;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CurriculumSubject;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The "falling behind" worklist on hand-made learners of a district of their own: a fall
 * of 15 points in the latest term over the subjects sat in both terms, across the summer
 * too, and unexcused absence above 20% of the school days, each at its threshold; only
 * the latest term counts; children whose data may not be processed and children out of
 * scope are never listed. And the record that shows each term beside the support
 * delivered.
 */
@BarshagaTest
@Transactional
class FallingBehindTests {

	static final String DISTRICT = "KZ-10-T04";

	static final String DISTRICT_PATH = "/KZ/KZ-10/" + DISTRICT + "/";

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private final Timestamp now = Timestamp.from(Instant.now());

	private final int year = SchoolYear.of(LocalDate.now()).startYear() - 1;

	private int serial = 9500;

	@BeforeEach
	void district() {
		jdbc.sql("""
				INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
				VALUES (?, 'KZ-10', 'district', ?, 2, 'Артта қалу ауданы', 'Район отстающих', 'Falling district',
					DATE '2020-01-01')""").params(DISTRICT, DISTRICT_PATH).update();
	}

	@Test
	void aFallOfFifteenPointsOrUnexcusedAbsenceAboveTwentyPerCentPutsALearnerOnTheList() {
		String fifteen = learner("Fifteen", true);
		marks(fifteen, year, 3, 70, 70);
		marks(fifteen, year, 4, 55, 55);
		String almost = learner("Almost", true);
		marks(almost, year, 3, 70, 70);
		marks(almost, year, 4, 55.1, 55.1);
		String recovered = learner("Recovered", true);
		marks(recovered, year, 2, 80, 80);
		marks(recovered, year, 3, 50, 50);
		marks(recovered, year, 4, 50, 50);
		String newSubject = learner("NewSubject", true);
		marks(newSubject, year, 3, 80);
		marks(newSubject, year, 4, 60);
		result(newSubject, year, 4, CurriculumSubject.PHYSICS, 99);
		String overSummer = learner("OverSummer", true);
		marks(overSummer, year - 1, 4, 80);
		marks(overSummer, year, 1, 60);
		String twenty = learner("Twenty", true);
		attendance(twenty, year, 4, 40, 0, 8);
		String aboveTwenty = learner("AboveTwenty", true);
		attendance(aboveTwenty, year, 4, 40, 0, 9);
		String excused = learner("Excused", true);
		attendance(excused, year, 4, 40, 20, 0);
		String earlierTerm = learner("EarlierTerm", true);
		attendance(earlierTerm, year, 3, 40, 0, 20);
		attendance(earlierTerm, year, 4, 40, 0, 0);
		String noConsent = learner("NoConsent", false);
		marks(noConsent, year, 3, 90);
		marks(noConsent, year, 4, 10);

		Actor district = new Actor(0, "district", "District", Role.DISTRICT_OFFICER, new DataScope(DISTRICT_PATH));
		assertThat(listed(district)).containsExactlyInAnyOrder(fifteen, newSubject, overSummer, aboveTwenty);
		assertThat(learners.worklistCounts(district)).containsEntry(Worklist.FALLING_BEHIND, 4L);
		Actor elsewhere = new Actor(0, "other", "Other", Role.DISTRICT_OFFICER, new DataScope("/KZ/KZ-61/KZ-61-D08/"));
		assertThat(
				learners.search(elsewhere, new LearnerSearch(null, DISTRICT, Worklist.FALLING_BEHIND, 0, 50)).items())
			.isEmpty();
	}

	@Test
	void theHomePageCountsTheListAndLinksToIt() throws Exception {
		mvc.perform(get("/?lang=en").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("/learners?worklist=FALLING_BEHIND"), containsString("Falling behind"))));
		mvc.perform(get("/learners?worklist=FALLING_BEHIND&lang=ru").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("индивидуальный план нужно пересмотреть")));
	}

	@Test
	void theRecordShowsEachTermsResultsAndAttendanceBesideTheSupportDelivered() throws Exception {
		String iin = learner("Charted", true);
		long id = jdbc.sql("SELECT id FROM learner WHERE iin = ?").params(iin).query(Long.class).single();
		SchoolYear schoolYear = new SchoolYear(year);
		LocalDate start = schoolYear.termEnd(3).plusDays(1);
		LocalDate end = schoolYear.termEnd(4);
		KeyHolder keys = new GeneratedKeyHolder();
		long pmpc = jdbc.sql("SELECT MIN(id) FROM organisation WHERE type = 'PMPC'").query(Long.class).single();
		jdbc.sql(
				"""
						INSERT INTO conclusion (learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories, programme,
							form, conditions, next_review_on, recorded_at, recorded_by)
						VALUES (?, ?, ?, 'F-1', 'DEVELOPMENTAL_DELAY', 'GENERAL_ADAPTED', 'INCLUSIVE_CLASS', '', ?, ?, 'test')""")
			.params(id, Date.valueOf(start.plusDays(1)), pmpc, Date.valueOf(end.plusYears(1)), now)
			.update(keys, "id");
		jdbc.sql(
				"INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, 'SPEECH_THERAPIST', 2)")
			.params(keys.getKey().longValue())
			.update();
		for (int minutes : new int[] { 90, 90, 60 }) {
			jdbc.sql(
					"""
							INSERT INTO support_session (learner_id, held_on, minutes, specialist, grouped, attended, missed_reason,
								recorded_at, recorded_by) VALUES (?, ?, ?, 'SPEECH_THERAPIST', FALSE, TRUE, NULL, ?, 'test')""")
				.params(id, Date.valueOf(start.plusDays(7)), minutes, now)
				.update();
		}
		marks(iin, year, 3, 80, 60);
		marks(iin, year, 4, 50, 40);
		attendance(iin, year, 4, 40, 3, 9);
		Actor district = new Actor(0, "district", "District", Role.DISTRICT_OFFICER, new DataScope(DISTRICT_PATH));
		List<TermOutcome> terms = learners.read(district, id).outcomes();
		assertThat(terms).extracting(TermOutcome::term).containsExactly(3, 4);
		TermOutcome fourth = terms.get(1);
		assertThat(fourth.meanPercentage()).isEqualTo(45.0);
		assertThat(fourth.subjects()).isEqualTo(2);
		assertThat(fourth.absentUnexcused()).isEqualTo(9);
		assertThat(fourth.deliveredHours()).isEqualTo(4.0);
		int weekdays = 0;
		for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
			weekdays += day.getDayOfWeek().getValue() <= 5 ? 1 : 0;
		}
		assertThat(fourth.recommendedHours()).isCloseTo(2.0 * weekdays / 5, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(terms.get(0).recommendedHours()).as("no conclusion in force at the third term's end").isNull();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE record_type = 'learner' AND record_id = ? AND action = 'READ'
				AND detail LIKE '%term results and attendance%'""")
			.params(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/learners/" + id + "?lang=en").with(as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Term results, attendance and support delivered"),
					containsString("Mean term percentage"), containsString("45.0"))));
	}

	private Set<String> listed(Actor actor) {
		return learners.search(actor, new LearnerSearch(null, null, Worklist.FALLING_BEHIND, 0, 50))
			.items()
			.stream()
			.map(LearnerSummary::iin)
			.collect(Collectors.toSet());
	}

	private String learner(String name, boolean consent) {
		LocalDate birth = LocalDate.of(year - 12, 3, 1);
		String iin = Iin.of(birth, Sex.MALE, serial++);
		while (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?").params(iin).query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM term_result WHERE iin = ?")
					.params(Long.parseLong(iin))
					.query(Long.class)
					.single()
				+ jdbc.sql("SELECT COUNT(*) FROM term_attendance WHERE iin = ?")
					.params(Long.parseLong(iin))
					.query(Long.class)
					.single() > 0) {
			iin = Iin.of(birth, Sex.MALE, serial++);
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO learner (iin, no_iin_reason, surname, given_name, birth_date, sex, citizenship, language,
							disability, home_unit_code, path, search_text, created_at, created_by, updated_at, updated_by, version)
						VALUES (?, NULL, 'Артта', ?, ?, 'MALE', 'KZ', 'KK', 'NONE', ?, ?, 'артта', ?, 'test', ?, 'test', 0)""")
			.params(iin, name, Date.valueOf(birth), DISTRICT, DISTRICT_PATH, now, now)
			.update(keys, "id");
		if (consent) {
			jdbc.sql("""
					INSERT INTO consent (learner_id, purpose, guardian_id, given_on, recorded_at, recorded_by)
					VALUES (?, 'DATA_PROCESSING', NULL, ?, ?, 'test')""")
				.params(keys.getKey().longValue(), Date.valueOf(LocalDate.now().minusYears(3)), now)
				.update();
		}
		return iin;
	}

	/** Mathematics and, when given, the Kazakh language. */
	private void marks(String iin, int schoolYear, int term, double... percentages) {
		List<CurriculumSubject> subjects = List.of(CurriculumSubject.MATHEMATICS, CurriculumSubject.KAZAKH_LANGUAGE);
		for (int i = 0; i < percentages.length; i++) {
			result(iin, schoolYear, term, subjects.get(i), percentages[i]);
		}
	}

	private void result(String iin, int schoolYear, int term, CurriculumSubject subject, double percentage) {
		jdbc.sql(
				"INSERT INTO term_result (iin, school_year, term, subject, mark, percentage) VALUES (?, ?, ?, ?, NULL, ?)")
			.params(Long.parseLong(iin), schoolYear, term, subject.number(), (float) percentage)
			.update();
	}

	private void attendance(String iin, int schoolYear, int term, int days, int excused, int unexcused) {
		jdbc.sql("""
				INSERT INTO term_attendance (iin, school_year, term, school_days, absent_excused, absent_unexcused)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Long.parseLong(iin), schoolYear, term, days, excused, unexcused)
			.update();
	}

}
