package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivered-to-recommended figures of one child, month by month. */
class DeliveryTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Test
	void recommendedHoursAreWeeklyHoursTimesTheTeachingWeeksAndDeliveredHoursCountAttendedSessionsOnly() {
		Conclusion conclusion = conclusion(LocalDate.of(2026, 9, 15),
				Map.of(SpecialistType.SPEECH_THERAPIST, "2.0", SpecialistType.TEACHER_ASSISTANT, "5.0"));
		List<Session> sessions = List.of(session(LocalDate.of(2026, 10, 5), 45, SpecialistType.SPEECH_THERAPIST, true),
				session(LocalDate.of(2026, 10, 12), 45, SpecialistType.SPEECH_THERAPIST, true),
				session(LocalDate.of(2026, 10, 19), 45, SpecialistType.SPEECH_THERAPIST, false),
				session(LocalDate.of(2026, 10, 26), 90, SpecialistType.TUTOR, true));
		List<MonthlyDelivery> october = Delivery.month(YearMonth.of(2026, 10), List.of(conclusion), sessions, TODAY);
		// October 2026 has 22 weekdays: 4.4 teaching weeks.
		assertThat(october).extracting(MonthlyDelivery::specialist)
			.containsExactly(SpecialistType.TEACHER_ASSISTANT, SpecialistType.SPEECH_THERAPIST, SpecialistType.TUTOR);
		MonthlyDelivery speech = october.get(1);
		assertThat(speech.recommendedHours()).isEqualByComparingTo("8.8");
		assertThat(speech.deliveredHours()).isEqualByComparingTo("1.5");
		assertThat(speech.ratio()).isEqualByComparingTo("0.17");
		assertThat(speech.percent()).isEqualTo(17);
		MonthlyDelivery assistant = october.get(0);
		assertThat(assistant.recommendedHours()).isEqualByComparingTo("22.0");
		assertThat(assistant.deliveredHours()).isEqualByComparingTo("0.0");
		assertThat(assistant.percent()).isZero();
		MonthlyDelivery tutor = october.get(2);
		assertThat(tutor.recommendedHours()).isEqualByComparingTo("0.0");
		assertThat(tutor.ratio()).as("nothing recommended, no ratio").isNull();
	}

	@Test
	void theCurrentMonthCountsToTodayTheConclusionInForceDecidesAndSummerRecommendsNothing() {
		Conclusion older = conclusion(LocalDate.of(2026, 5, 1), Map.of(SpecialistType.SPEECH_THERAPIST, "1.0"));
		Conclusion newer = conclusion(LocalDate.of(2026, 11, 10), Map.of(SpecialistType.SPEECH_THERAPIST, "3.0"));
		List<Conclusion> newestFirst = List.of(newer, older);
		// 1-23 November 2026: 16 weekdays, 3.2 weeks, under the newer conclusion.
		assertThat(Delivery.month(YearMonth.of(2026, 11), newestFirst, List.of(), TODAY).get(0).recommendedHours())
			.isEqualByComparingTo("9.6");
		// October was under the older one: 22 weekdays.
		assertThat(Delivery.month(YearMonth.of(2026, 10), newestFirst, List.of(), TODAY).get(0).recommendedHours())
			.isEqualByComparingTo("4.4");
		assertThat(Delivery.month(YearMonth.of(2026, 7), newestFirst, List.of(), TODAY).get(0).recommendedHours())
			.isEqualByComparingTo("0.0");
		assertThat(Delivery.month(YearMonth.of(2026, 4), newestFirst, List.of(), TODAY)).isEmpty();
		assertThat(Delivery.lastMonths(3, newestFirst, List.of(), TODAY)).extracting(MonthlyDelivery::month)
			.containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
	}

	@Test
	void schoolYearTermsDecideWhichReviewsAreDue() {
		SchoolYear year = SchoolYear.of(TODAY);
		assertThat(year.startYear()).isEqualTo(2026);
		assertThat(SchoolYear.of(LocalDate.of(2027, 5, 31)).startYear()).isEqualTo(2026);
		assertThat(year.termsDueForReview(LocalDate.of(2026, 11, 14))).isEmpty();
		assertThat(year.termsDueForReview(TODAY)).containsExactly(1);
		assertThat(year.termsDueForReview(LocalDate.of(2027, 6, 10))).containsExactly(1, 2, 3, 4);
	}

	private static Conclusion conclusion(LocalDate on, Map<SpecialistType, String> hours) {
		Map<SpecialistType, BigDecimal> weekly = new java.util.EnumMap<>(SpecialistType.class);
		hours.forEach((type, h) -> weekly.put(type, new BigDecimal(h)));
		return new Conclusion(1, on, 1, "PM", new LocalizedName("ПМПК", "ПМПК", "PMPC"), "1", Set.of(),
				Programme.GENERAL, EducationForm.INCLUSIVE_CLASS, weekly, Set.of(), on.plusYears(1), Instant.EPOCH,
				"test");
	}

	private static Session session(LocalDate on, int minutes, SpecialistType type, boolean attended) {
		return new Session(1, on, minutes, type, false, attended, attended ? null : MissedReason.ILLNESS, Instant.EPOCH,
				"test");
	}

}
