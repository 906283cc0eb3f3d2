package org.barshaga.indicators;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SchoolYear;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of the support network: requests for help and whether they were answered in
 * time, counted at the place that asked, and the schools that had a consultation. Read as
 * dates and ids only; a request's text and child never leave the table.
 */
final class SupportFacts {

	/** The time a centre has to answer a request, in school days (Monday to Friday). */
	static final int ANSWER_SCHOOL_DAYS = 10;

	private SupportFacts() {
	}

	/**
	 * Requests submitted in the school year (1 September to 31 August) that are due:
	 * those answered, and those whose ten school days have passed unanswered. A request
	 * still inside its ten days is not counted yet, so that the current year's share does
	 * not fall with every new request. Answered means accepted by the centre.
	 */
	static void load(JdbcClient jdbc, YearFacts facts, int year, LocalDate today) {
		jdbc.sql("""
				SELECT r.requester_path, r.submitted_on, r.accepted_on, o.code, o.settlement, o.name_kk, o.name_ru,
					o.name_en
				FROM support_request r JOIN organisation o ON o.id = r.requester_id
				WHERE r.submitted_on >= :first AND r.submitted_on <= :last""")
			.param("first", Date.valueOf(first(year)))
			.param("last", Date.valueOf(last(year)))
			.query((ResultSet rs) -> {
				LocalDate submitted = rs.getDate("submitted_on").toLocalDate();
				Date acceptedOn = rs.getDate("accepted_on");
				LocalDate deadline = addSchoolDays(submitted, ANSWER_SCHOOL_DAYS);
				boolean inTime = acceptedOn != null && !acceptedOn.toLocalDate().isAfter(deadline);
				if (acceptedOn == null && !today.isAfter(deadline)) {
					return;
				}
				String path = rs.getString("requester_path");
				if (facts.place(path) == null) {
					facts.place(new YearFacts.Place(rs.getString("code"), path, new LocalizedName(
							rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")), true));
				}
				byte[] dimensions = YearFacts.noDimensions();
				dimensions[Dimension.SETTLEMENT.ordinal()] = (byte) Dimension.SETTLEMENT
					.index(rs.getString("settlement"));
				double[] row = new double[Measure.columns(Measure.Scope.SUPPORT)];
				row[Measure.SUPPORT_REQUESTS.column()] = 1;
				row[Measure.SUPPORT_REQUESTS_ANSWERED.column()] = inTime ? 1 : 0;
				facts.add(path, true, dimensions, Measure.Scope.SUPPORT, row);
			});
	}

	/**
	 * The organisations that asked for help and had the consultation recorded as held
	 * (closed or confirmed) on a day of the school year.
	 */
	static Set<Long> consulted(JdbcClient jdbc, int year) {
		Set<Long> organisations = new HashSet<>();
		jdbc.sql("""
				SELECT DISTINCT requester_id FROM support_request WHERE status IN ('CLOSED', 'CONFIRMED')
				AND consultation_on >= :first AND consultation_on <= :last""")
			.param("first", Date.valueOf(first(year)))
			.param("last", Date.valueOf(last(year)))
			.query((ResultSet rs) -> {
				organisations.add(rs.getLong("requester_id"));
			});
		return organisations;
	}

	/**
	 * The organisations of the staff members who took part in a seminar or course that a
	 * centre held on a day of the school year.
	 */
	static Set<Long> trainedAtSeminars(JdbcClient jdbc, int year) {
		Set<Long> organisations = new HashSet<>();
		jdbc.sql("""
				SELECT DISTINCT m.organisation_id FROM seminar_participant p
				JOIN seminar s ON s.id = p.seminar_id JOIN staff_member m ON m.id = p.staff_id
				WHERE s.held_on >= :first AND s.held_on <= :last""")
			.param("first", Date.valueOf(first(year)))
			.param("last", Date.valueOf(last(year)))
			.query((ResultSet rs) -> {
				organisations.add(rs.getLong("organisation_id"));
			});
		return organisations;
	}

	/** The day that is {@code days} school days after {@code from}, Monday to Friday. */
	static LocalDate addSchoolDays(LocalDate from, int days) {
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				counted++;
			}
		}
		return day;
	}

	private static LocalDate first(int year) {
		return new SchoolYear(year).start();
	}

	private static LocalDate last(int year) {
		return new SchoolYear(year + 1).start().minusDays(1);
	}

}
