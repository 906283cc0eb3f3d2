package org.barshaga.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The worklists of the reporting cycle, read in SQL inside the user's scope. */
@Service
public class Worklists {

	static final int SHOWN = 50;

	private static final String SCHOOLS = UnitApprovalRepository.SCHOOLS;

	private final JdbcClient jdbc;

	private final UnitApprovalRepository approvals;

	private final AdminUnits units;

	Worklists(JdbcClient jdbc, UnitApprovalRepository approvals, AdminUnits units) {
		this.jdbc = jdbc;
		this.approvals = approvals;
		this.units = units;
	}

	public Worklist of(Actor actor, int year) {
		DataScope scope = actor.scope();
		String notSubmitted = " FROM organisation o WHERE " + SCHOOLS + " AND " + scope.sql("o.path")
				+ " AND NOT EXISTS (SELECT 1 FROM report_submission s WHERE s.organisation_id = o.id"
				+ " AND s.school_year = :year)";
		String returned = " FROM report_submission s JOIN organisation o ON o.id = s.organisation_id"
				+ " WHERE s.school_year = :year AND s.status IN ('RETURNED', 'REOPENED') AND " + scope.sql("s.path");
		// what waits on the district: schools' submissions and their unlock requests
		String waiting = " FROM report_submission s JOIN organisation o ON o.id = s.organisation_id"
				+ " WHERE s.school_year = :year AND (s.status = 'SUBMITTED' OR (s.status = 'APPROVED'"
				+ " AND s.unlock_reason IS NOT NULL)) AND " + scope.sql("s.path");
		boolean decides = actor.is(Role.DISTRICT_OFFICER) || actor.is(Role.REGION_OFFICER);
		if (actor.is(Role.REGION_OFFICER)) {
			// a region decides only on the schools directly under it, which have no
			// district
			waiting += " AND o.path NOT LIKE :deeper ESCAPE '!'";
		}
		return new Worklist(year, count(notSubmitted, scope, year), schools(notSubmitted, scope, year, false),
				count(returned, scope, year), schools(returned, scope, year, true),
				decides ? count(waiting, scope, year) : 0, decides ? schools(waiting, scope, year, true) : List.of(),
				unitsReady(actor, year));
	}

	/**
	 * The units directly under the user's that their level approves and that are ready.
	 */
	private List<Worklist.Row> unitsReady(Actor actor, int year) {
		if (!actor.is(Role.REGION_OFFICER) && !actor.is(Role.MINISTRY)) {
			return List.of();
		}
		List<Worklist.Row> ready = new ArrayList<>();
		units.ofScope(actor.scope()).ifPresent(home -> {
			for (OrgUnit unit : units.children(home.code())) {
				if (unit.isClosed() || unit.depth() > 2 || approvals.approved(unit.code(), year)) {
					continue;
				}
				if (approvals.pendingSchools(unit.scope(), year) == 0 && approvals.pendingUnits(unit.code(), year) == 0
						&& hasSchools(unit.scope())) {
					ready.add(new Worklist.Row(unit.code(), unit.name(), null, null, false));
				}
			}
		});
		return ready;
	}

	private boolean hasSchools(DataScope unit) {
		return unit
			.bind(jdbc.sql("SELECT COUNT(*) FROM organisation o WHERE " + SCHOOLS + " AND " + unit.sql("o.path")))
			.query(Long.class)
			.single() > 0;
	}

	private long count(String from, DataScope scope, int year) {
		return scope.bind(jdbc.sql("SELECT COUNT(*)" + from))
			.param("year", year)
			.param("deeper", deeper(scope))
			.query(Long.class)
			.single();
	}

	private List<Worklist.Row> schools(String from, DataScope scope, int year, boolean submitted) {
		String columns = submitted
				? "o.code, o.name_kk, o.name_ru, o.name_en, s.status, s.submitted_at, s.unlock_reason"
				: "o.code, o.name_kk, o.name_ru, o.name_en";
		return scope.bind(jdbc.sql("SELECT " + columns + from + " ORDER BY o.code FETCH FIRST " + SHOWN + " ROWS ONLY"))
			.param("year", year)
			.param("deeper", deeper(scope))
			.query((rs, n) -> row(rs, submitted))
			.list();
	}

	/** The paths two levels or more below the scope's unit: a school in a district. */
	private static String deeper(DataScope scope) {
		return scope.pathPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%/%/%";
	}

	private static Worklist.Row row(ResultSet rs, boolean submitted) throws SQLException {
		LocalizedName name = new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"),
				rs.getString("name_en"));
		if (!submitted) {
			return new Worklist.Row(rs.getString("code"), name, null, null, false);
		}
		return new Worklist.Row(rs.getString("code"), name, SubmissionStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("unlock_reason") != null);
	}

}
