package org.barshaga.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The demo accounts as actors, and a period of the current year to report in. */
final class ReportingFixture {

	static final String SCHOOL = "KZ-61-D08-S001";

	static final String DISTRICT = "KZ-61-D08";

	private final JdbcClient jdbc;

	private final ReportingPeriods periods;

	ReportingFixture(JdbcClient jdbc, ReportingPeriods periods) {
		this.jdbc = jdbc;
		this.periods = periods;
	}

	Actor account(String username) {
		return jdbc.sql("SELECT id, username, full_name, role, scope_path FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
					Role.valueOf(rs.getString("role")), new DataScope(rs.getString("scope_path"))))
			.single();
	}

	/** An actor of a role bound to a place, with no account of its own. */
	static Actor at(Role role, String path) {
		return new Actor(0, "test." + role.name().toLowerCase(), "Test", role, new DataScope(path));
	}

	/** The current year's period, opened with deadlines still ahead if there is none. */
	int openPeriod(int year) {
		ReportingPeriod period = periods.find(year).orElse(null);
		Actor ministry = at(Role.MINISTRY, "/KZ/");
		PeriodDraft draft = new PeriodDraft(LocalDate.of(year + 1, 1, 15), LocalDate.of(year + 1, 2, 1),
				LocalDate.of(year + 1, 2, 15), LocalDate.of(year + 1, 3, 1), "OPEN",
				period == null ? 0 : period.version());
		periods.save(ministry, year, draft);
		return year;
	}

	void closePeriod(int year) {
		ReportingPeriod period = periods.period(year);
		periods.save(at(Role.MINISTRY, "/KZ/"), year,
				new PeriodDraft(period.schoolDeadline(), period.districtDeadline(), period.regionDeadline(),
						period.ministryDeadline(), "CLOSED", period.version()));
	}

	String path(String organisation) {
		return jdbc.sql("SELECT path FROM organisation WHERE code = :c")
			.param("c", organisation)
			.query(String.class)
			.single();
	}

	/** The message keys of an input refused, or a failure if it was not. */
	static List<String> refusal(Runnable action) {
		Throwable thrown = catchThrowable(action::run);
		assertThat(thrown).as("refused").isInstanceOf(InvalidInputException.class);
		return ((InvalidInputException) thrown).problems()
			.stream()
			.map(InvalidInputException.Problem::messageKey)
			.toList();
	}

	static Map<String, String> fields(Runnable action) {
		Throwable thrown = catchThrowable(action::run);
		assertThat(thrown).as("refused").isInstanceOf(InvalidInputException.class);
		return ((InvalidInputException) thrown).problems()
			.stream()
			.collect(Collectors.toMap(InvalidInputException.Problem::field, InvalidInputException.Problem::messageKey,
					(a, b) -> a));
	}

	static void conflict(Runnable action) {
		assertThat(catchThrowable(action::run)).isInstanceOf(EditConflictException.class);
	}

	/** An explanation for every rule the school violates now. */
	static Map<String, String> explainAll(List<ValidationRun.Violation> violations) {
		return violations.stream()
			.collect(Collectors.toMap(ValidationRun.Violation::rule, v -> "Checked with the school: " + v.rule(),
					(a, b) -> a));
	}

}
