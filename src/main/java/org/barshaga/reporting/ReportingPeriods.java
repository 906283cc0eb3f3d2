package org.barshaga.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting periods, one per school year: administrators and the Ministry open them with
 * the deadline of each level, move the deadlines, and close them. The census day is the
 * school year's ({@link SchoolYear#census()}).
 */
@Service
public class ReportingPeriods {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReportingPeriods(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean manages(Actor actor) {
		return actor.is(Role.ADMIN) || actor.is(Role.MINISTRY);
	}

	public List<ReportingPeriod> all() {
		return jdbc.sql("SELECT * FROM reporting_period ORDER BY school_year DESC").query(ReportingPeriods::map).list();
	}

	public Optional<ReportingPeriod> find(int year) {
		return jdbc.sql("SELECT * FROM reporting_period WHERE school_year = :year")
			.param("year", year)
			.query(ReportingPeriods::map)
			.optional();
	}

	public ReportingPeriod period(int year) {
		return find(year).orElseThrow(() -> new NotFoundException("reportingPeriod", year));
	}

	/** The school years a period may be opened for: last year, this one and the next. */
	public List<Integer> years() {
		int current = SchoolYear.of(LocalDate.now(clock)).startYear();
		return List.of(current + 1, current, current - 1);
	}

	/**
	 * Opens a period (version 0), or changes an existing one's deadlines and status. The
	 * deadlines follow the levels in order, from the census day to the end of the school
	 * year; every problem is named. A stale version read is a conflict; nothing is
	 * written.
	 */
	@Transactional
	public ReportingPeriod save(Actor actor, int year, PeriodDraft draft) {
		if (!manages(actor)) {
			throw new NotPermittedException("open and close reporting periods");
		}
		if (!years().contains(year)) {
			throw InvalidInputException.of("year", "validation.period.year", year, years().get(2), years().get(0));
		}
		SchoolYear schoolYear = new SchoolYear(year);
		LocalDate census = schoolYear.census();
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Map<String, LocalDate> deadlines = new LinkedHashMap<>();
		deadlines.put("schoolDeadline", draft.schoolDeadline());
		deadlines.put("districtDeadline", draft.districtDeadline());
		deadlines.put("regionDeadline", draft.regionDeadline());
		deadlines.put("ministryDeadline", draft.ministryDeadline());
		LocalDate previous = census;
		String previousField = null;
		for (Map.Entry<String, LocalDate> deadline : deadlines.entrySet()) {
			LocalDate day = deadline.getValue();
			if (day == null) {
				problems.add(deadline.getKey(), "validation.required");
				continue;
			}
			if (day.isBefore(census) || day.isAfter(schoolYear.end())) {
				problems.add(deadline.getKey(), "validation.period.within", census, schoolYear.end());
			}
			else if (previousField != null && day.isBefore(previous)) {
				problems.add(deadline.getKey(), "validation.period.order", previous);
			}
			previous = day;
			previousField = deadline.getKey();
		}
		PeriodStatus status = null;
		if (draft.status() == null || draft.status().isBlank()) {
			problems.add("status", "validation.required");
		}
		else {
			try {
				status = PeriodStatus.valueOf(draft.status().strip());
			}
			catch (IllegalArgumentException unknown) {
				problems.add("status", "validation.rule.unknown", draft.status().strip());
			}
		}
		problems.throwIfAny();
		Optional<ReportingPeriod> before = find(year);
		int read = draft.version() == null ? -1 : draft.version();
		Instant now = clock.instant();
		if (before.isEmpty()) {
			if (read != 0) {
				throw new EditConflictException("reportingPeriod", year);
			}
			try {
				jdbc.sql("""
						INSERT INTO reporting_period (school_year, census_day, school_deadline, district_deadline,
							region_deadline, ministry_deadline, status, updated_at, updated_by, version)
						VALUES (:year, :census, :school, :district, :region, :ministry, :status, :now, :by, 1)""")
					.params(parameters(year, census, draft, status, now, actor))
					.update();
			}
			catch (DuplicateKeyException raced) {
				throw new EditConflictException("reportingPeriod", year);
			}
			audit.created(actor, "reportingPeriod", year, "/KZ/", fields(census, draft, status));
		}
		else {
			Map<String, Object> parameters = parameters(year, census, draft, status, now, actor);
			parameters.put("version", read);
			int changed = jdbc.sql("""
					UPDATE reporting_period SET school_deadline = :school, district_deadline = :district,
						region_deadline = :region, ministry_deadline = :ministry, status = :status, updated_at = :now,
						updated_by = :by, version = version + 1
					WHERE school_year = :year AND version = :version""").params(parameters).update();
			if (changed == 0) {
				throw new EditConflictException("reportingPeriod", year);
			}
			ReportingPeriod was = before.get();
			audit
				.updated(actor, "reportingPeriod", year, "/KZ/",
						fields(census,
								new PeriodDraft(was.schoolDeadline(), was.districtDeadline(), was.regionDeadline(),
										was.ministryDeadline(), null, null),
								was.status()),
						fields(census, draft, status));
		}
		return period(year);
	}

	private static Map<String, Object> parameters(int year, LocalDate census, PeriodDraft draft, PeriodStatus status,
			Instant now, Actor actor) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("year", year);
		parameters.put("census", Date.valueOf(census));
		parameters.put("school", Date.valueOf(draft.schoolDeadline()));
		parameters.put("district", Date.valueOf(draft.districtDeadline()));
		parameters.put("region", Date.valueOf(draft.regionDeadline()));
		parameters.put("ministry", Date.valueOf(draft.ministryDeadline()));
		parameters.put("status", status.name());
		parameters.put("now", Timestamp.from(now));
		parameters.put("by", actor.username());
		return parameters;
	}

	private static Map<String, Object> fields(LocalDate census, PeriodDraft draft, PeriodStatus status) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("census", census);
		fields.put("schoolDeadline", draft.schoolDeadline());
		fields.put("districtDeadline", draft.districtDeadline());
		fields.put("regionDeadline", draft.regionDeadline());
		fields.put("ministryDeadline", draft.ministryDeadline());
		fields.put("status", status);
		return fields;
	}

	private static ReportingPeriod map(ResultSet rs, int n) throws SQLException {
		return new ReportingPeriod(rs.getInt("school_year"), rs.getDate("census_day").toLocalDate(),
				rs.getDate("school_deadline").toLocalDate(), rs.getDate("district_deadline").toLocalDate(),
				rs.getDate("region_deadline").toLocalDate(), rs.getDate("ministry_deadline").toLocalDate(),
				PeriodStatus.valueOf(rs.getString("status")), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"), rs.getInt("version"),
				rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
				rs.getString("accepted_by"));
	}

}
