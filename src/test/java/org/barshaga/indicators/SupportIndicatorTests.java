package org.barshaga.indicators;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support network's indicators on the two schools of {@link IndicatorFixture}, with
 * requests whose answer times and consultations are worked out by hand:
 *
 * <pre>
 * R1 school A, 2 Oct, accepted 14 days later (10 school days): in time; consultation held 20 Oct, closed
 * R2 school A, 3 Nov, accepted 21 days later (15 school days): late; consultation scheduled, not held
 * R3 school B, 1 Dec, accepted 9 days later: in time; consultation scheduled, not recorded
 * R4 school B, 15 Jan, never accepted: due long ago, not answered
 * R5 school A, 2 Feb, accepted 2 days later: in time; consultation held, confirmed
 * R6 school B, the school year before: not counted
 * answered in time 3 of 5 = 60%; schools reached: A only, 1 of 2 = 50%
 * </pre>
 */
@BarshagaTest
@Transactional
class SupportIndicatorTests {

	static final Actor MINISTRY = new Actor(0, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	IndicatorFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new IndicatorFixture(jdbc, indicators.currentYear());
		fixture.create();
		int year = fixture.year;
		request(IndicatorFixture.SCHOOL_A, LocalDate.of(year, 10, 2), 14, "CLOSED", LocalDate.of(year, 10, 20));
		request(IndicatorFixture.SCHOOL_A, LocalDate.of(year, 11, 3), 21, "SCHEDULED", LocalDate.of(year, 12, 1));
		request(IndicatorFixture.SCHOOL_B, LocalDate.of(year, 12, 1), 9, "SCHEDULED", LocalDate.of(year, 12, 20));
		request(IndicatorFixture.SCHOOL_B, LocalDate.of(year + 1, 1, 15), null, "SUBMITTED", null);
		request(IndicatorFixture.SCHOOL_A, LocalDate.of(year + 1, 2, 2), 2, "CONFIRMED", LocalDate.of(year + 1, 2, 9));
		request(IndicatorFixture.SCHOOL_B, LocalDate.of(year - 1, 10, 1), 1, "CONFIRMED",
				LocalDate.of(year - 1, 10, 5));
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	@Test
	void requestsAnsweredInTenSchoolDaysAndSchoolsReachedAreCountedByHand() {
		IndicatorValue answered = district("SUPPORT_REQUESTS_ANSWERED");
		assertThat(answered.numerator()).isEqualByComparingTo("3");
		assertThat(answered.denominator()).isEqualByComparingTo("5");
		assertThat(answered.value()).isEqualByComparingTo("60.0");
		IndicatorValue reached = district("SCHOOLS_REACHED");
		assertThat(reached.numerator()).isEqualByComparingTo("1");
		assertThat(reached.denominator()).isEqualByComparingTo("2");
		assertThat(reached.value()).isEqualByComparingTo("50.0");
		List<IndicatorValue> schools = indicators
			.values(MINISTRY, "SUPPORT_REQUESTS_ANSWERED", IndicatorFixture.DISTRICT, fixture.year, Level.CHILDREN,
					List.of())
			.values();
		assertThat(schools).filteredOn(v -> v.orgUnit().equals(IndicatorFixture.SCHOOL_B))
			.singleElement()
			.satisfies(b -> assertThat(b.value()).isEqualByComparingTo("50.0"));
	}

	/**
	 * School B had no consultation held: a teacher of it at a centre's seminar this year
	 * reaches it (2 of 2); a seminar of the year before would not, and school A, reached
	 * both ways, counts once.
	 */
	@Test
	void aSchoolWhoseTeacherTookPartInACentresSeminarIsReached() {
		int year = fixture.year;
		seminar(LocalDate.of(year - 1, 11, 5), IndicatorFixture.SCHOOL_B);
		cache.forget();
		assertThat(district("SCHOOLS_REACHED").numerator()).isEqualByComparingTo("1");

		seminar(LocalDate.of(year, 11, 5), IndicatorFixture.SCHOOL_B, IndicatorFixture.SCHOOL_A);
		cache.forget();
		IndicatorValue reached = district("SCHOOLS_REACHED");
		assertThat(reached.numerator()).isEqualByComparingTo("2");
		assertThat(reached.denominator()).isEqualByComparingTo("2");
		assertThat(reached.value()).isEqualByComparingTo("100.0");
	}

	private void seminar(LocalDate held, String... schools) {
		jdbc.sql(
				"""
						INSERT INTO seminar (centre_id, centre_path, kind, title, held_on, hours, inclusive, created_at, created_by)
						SELECT id, path, 'SEMINAR', 'indicator test', :held, 6, TRUE, CURRENT_TIMESTAMP, 'indicator-test'
						FROM organisation WHERE id = (SELECT MIN(id) FROM organisation WHERE type = 'RESOURCE_CENTRE')""")
			.param("held", Date.valueOf(held))
			.update();
		long seminar = lastSeminar();
		for (String school : schools) {
			jdbc.sql("""
					INSERT INTO staff_member (organisation_id, path, full_name, position, fte, started_on, updated_at,
						updated_by, version)
					SELECT id, path, 'Семинар Қатысушы', 'TEACHER', 1, DATE '2015-08-25', CURRENT_TIMESTAMP, 'test', 0
					FROM organisation WHERE code = :school""").param("school", school).update();
			long staff = jdbc.sql("SELECT MAX(id) FROM staff_member WHERE full_name = 'Семинар Қатысушы'")
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO training (staff_id, course, provider, hours, completed_on, inclusive, recorded_at, recorded_by)
							VALUES (:staff, 'indicator test', 'centre', 6, :held, TRUE, CURRENT_TIMESTAMP, 'test')""")
				.param("staff", staff)
				.param("held", Date.valueOf(held))
				.update();
			jdbc.sql("""
					INSERT INTO seminar_participant (seminar_id, staff_id, training_id, school_path, added_at, added_by)
					SELECT :seminar, :staff, (SELECT MAX(id) FROM training WHERE staff_id = :staff), path,
						CURRENT_TIMESTAMP, 'test' FROM organisation WHERE code = :school""")
				.param("seminar", seminar)
				.param("staff", staff)
				.param("school", school)
				.update();
		}
	}

	private long lastSeminar() {
		return jdbc.sql("SELECT MAX(id) FROM seminar WHERE created_by = 'indicator-test'").query(Long.class).single();
	}

	@Test
	void tenSchoolDaysLeaveOutTheWeekends() {
		LocalDate friday = LocalDate.of(2026, 10, 2);
		assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(SupportFacts.addSchoolDays(friday, 10)).isEqualTo(LocalDate.of(2026, 10, 16));
		assertThat(SupportFacts.addSchoolDays(LocalDate.of(2026, 10, 3), 1)).isEqualTo(LocalDate.of(2026, 10, 5));
	}

	private IndicatorValue district(String indicator) {
		return indicators.values(MINISTRY, indicator, IndicatorFixture.DISTRICT, fixture.year, Level.SELF, List.of())
			.total();
	}

	private void request(String school, LocalDate submitted, Integer answeredAfter, String status,
			LocalDate consultation) {
		jdbc.sql("""
				INSERT INTO support_request (status, requester_id, requester_path, centre_id, centre_path, topic,
					sen_categories, urgency, description, submitted_on, submitted_at, submitted_by, accepted_on,
					consultation_mode, consultation_on, version)
				VALUES (:status, (SELECT id FROM organisation WHERE code = :school),
					(SELECT path FROM organisation WHERE code = :school),
					(SELECT MIN(id) FROM organisation WHERE type = 'RESOURCE_CENTRE'),
					(SELECT path FROM organisation WHERE id = (SELECT MIN(id) FROM organisation
						WHERE type = 'RESOURCE_CENTRE')),
					'COMMUNICATION', 'SPEECH', 'ROUTINE', 'indicator test', :submitted, CURRENT_TIMESTAMP,
					'indicator-test', :accepted, :mode, :consultation, 0)""")
			.param("status", status)
			.param("submitted", Date.valueOf(submitted))
			.param("accepted", answeredAfter == null ? null : Date.valueOf(submitted.plusDays(answeredAfter)))
			.param("mode", consultation == null ? null : "VISIT")
			.param("consultation", consultation == null ? null : Date.valueOf(consultation))
			.param("school", school)
			.update();
	}

}
