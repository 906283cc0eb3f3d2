package org.barshaga.reporting;

import java.sql.Timestamp;
import java.time.Instant;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approvals of districts and regions, and what still stands in their way: schools not
 * approved, and units below not approved.
 */
@Repository
class UnitApprovalRepository {

	static final String SCHOOLS = "o.status = 'OPEN' AND o.type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL')";

	private final JdbcClient jdbc;

	UnitApprovalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean approved(String unitCode, int year) {
		return jdbc.sql("SELECT COUNT(*) FROM unit_approval WHERE unit_code = :code AND school_year = :year")
			.param("code", unitCode)
			.param("year", year)
			.query(Long.class)
			.single() > 0;
	}

	/** The open schools under the unit whose submission of the year is not approved. */
	long pendingSchools(DataScope unit, int year) {
		return unit
			.bind(jdbc.sql("SELECT COUNT(*) FROM organisation o WHERE " + SCHOOLS + " AND " + unit.sql("o.path")
					+ " AND NOT EXISTS (SELECT 1 FROM report_submission s WHERE s.organisation_id = o.id"
					+ " AND s.school_year = :year AND s.status = 'APPROVED')"))
			.param("year", year)
			.query(Long.class)
			.single();
	}

	/**
	 * The open units directly under the unit, down to districts, that have schools and
	 * are not approved for the year.
	 */
	long pendingUnits(String parentCode, int year) {
		return jdbc
			.sql("SELECT COUNT(*) FROM org_unit u WHERE u.parent_code = :parent AND u.valid_to IS NULL"
					+ " AND u.depth <= 2 AND EXISTS (SELECT 1 FROM organisation o WHERE " + SCHOOLS
					+ " AND o.path LIKE u.path || '%') AND NOT EXISTS (SELECT 1 FROM unit_approval a"
					+ " WHERE a.school_year = :year AND a.unit_code = u.code)")
			.param("parent", parentCode)
			.param("year", year)
			.query(Long.class)
			.single();
	}

	void insert(int year, String unitCode, String path, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO unit_approval (school_year, unit_code, path, decided_at, decided_by)
				VALUES (:year, :code, :path, :now, :by)""")
			.param("year", year)
			.param("code", unitCode)
			.param("path", path)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** Marks the period accepted; false when someone accepted it meanwhile. */
	boolean acceptPeriod(int year, String by, Instant now) {
		return jdbc.sql("""
				UPDATE reporting_period SET accepted_at = :now, accepted_by = :by, version = version + 1
				WHERE school_year = :year AND accepted_at IS NULL AND status = 'OPEN'""")
			.param("year", year)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

}
