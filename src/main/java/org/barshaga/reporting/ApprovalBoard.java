package org.barshaga.reporting;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The approval status of every organisation under a unit for a period, in two queries:
 * the organisations with their school's submission, and the units approved.
 */
@Service
public class ApprovalBoard {

	private final JdbcClient jdbc;

	private final AdminUnits units;

	private final ReportingPeriods periods;

	ApprovalBoard(JdbcClient jdbc, AdminUnits units, ReportingPeriods periods) {
		this.jdbc = jdbc;
		this.units = units;
		this.periods = periods;
	}

	public ApprovalStatus status(Actor actor, int year, String unitCode) {
		if (!ValidationRuns.canRun(actor)) {
			throw new NotPermittedException("read the reporting cycle");
		}
		// without a period every school is simply not submitted
		boolean accepted = periods.find(year).map(p -> p.acceptedAt() != null).orElse(false);
		String wanted = unitCode == null || unitCode.isBlank()
				? units.ofScope(actor.scope()).map(OrgUnit::code).orElse("") : unitCode.strip();
		OrgUnit unit = units.find(wanted)
			.filter(u -> actor.scope().contains(u.path()))
			.orElseThrow(() -> new NotFoundException("place", wanted));
		DataScope place = unit.scope();
		List<ApprovalStatus.Organisation> organisations = new ArrayList<>();
		Map<String, Long> counts = new TreeMap<>();
		place.bind(jdbc.sql("SELECT o.code, o.type, o.status AS org_status, s.status AS submission FROM organisation o"
				+ " LEFT JOIN report_submission s ON s.organisation_id = o.id AND s.school_year = :year WHERE "
				+ place.sql("o.path") + " ORDER BY o.code"))
			.param("year", year)
			.query((ResultSet rs) -> {
				String type = rs.getString("type");
				boolean school = "OPEN".equals(rs.getString("org_status"))
						&& ("GENERAL_SCHOOL".equals(type) || "SPECIAL_SCHOOL".equals(type));
				String submission = rs.getString("submission");
				String status = submission != null ? submission : school ? "NOT_SUBMITTED" : "NOT_EXPECTED";
				organisations.add(new ApprovalStatus.Organisation(rs.getString("code"), status));
				counts.merge(status, 1L, Long::sum);
			});
		List<String> approved = place.bind(jdbc.sql("SELECT unit_code FROM unit_approval WHERE school_year = :year AND "
				+ place.sql("path") + " ORDER BY unit_code"))
			.param("year", year)
			.query(String.class)
			.list();
		return new ApprovalStatus(year, unit.code(), accepted, counts, organisations, approved);
	}

}
