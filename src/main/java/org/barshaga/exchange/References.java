package org.barshaga.exchange;

import java.util.HashMap;
import java.util.Map;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What imported rows refer to, loaded once per import and only inside the importing
 * user's scope (in SQL); a code outside it is looked up alone, to tell "unknown" from
 * "not yours".
 */
final class References {

	record Organisation(long id, String code, String path, String type, String unitCode) {
	}

	record Person(long id, String path) {
	}

	private final JdbcClient jdbc;

	private final DataScope scope;

	private Map<String, Organisation> organisations;

	private Map<String, String> units;

	private Map<String, Person> learners;

	private Map<String, Long> staff;

	private Map<String, Long> plans;

	private final Map<String, Boolean> existing = new HashMap<>();

	References(JdbcClient jdbc, DataScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	DataScope scope() {
		return scope;
	}

	/** The organisation in scope with this code, or null. */
	Organisation organisation(String code) {
		if (organisations == null) {
			organisations = new HashMap<>();
			scope
				.bind(jdbc
					.sql("SELECT id, code, path, type, org_unit_code FROM organisation WHERE " + scope.sql("path")))
				.query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list()
				.forEach(o -> organisations.put(o.code(), o));
		}
		return organisations.get(code);
	}

	/** Whether an organisation with this code exists anywhere (for the error message). */
	boolean organisationExists(String code) {
		return existing.computeIfAbsent("o:" + code,
				k -> jdbc.sql("SELECT COUNT(*) FROM organisation WHERE code = ?")
					.param(code)
					.query(Long.class)
					.single() > 0);
	}

	/** The path of the administrative unit in scope with this code, or null. */
	String unitPath(String code) {
		if (units == null) {
			units = new HashMap<>();
			scope.bind(jdbc.sql("SELECT code, path FROM org_unit WHERE " + scope.sql("path")))
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(e -> units.put(e.getKey(), e.getValue()));
		}
		return units.get(code);
	}

	boolean unitExists(String code) {
		return existing.computeIfAbsent("u:" + code,
				k -> jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = ?")
					.param(code)
					.query(Long.class)
					.single() > 0);
	}

	/** The learner in scope with this IIN, or null. */
	Person learner(String iin) {
		if (learners == null) {
			learners = new HashMap<>();
			scope.bind(jdbc.sql("SELECT id, iin, path FROM learner WHERE iin IS NOT NULL AND " + scope.sql("path")))
				.query((rs, n) -> Map.entry(rs.getString(2), new Person(rs.getLong(1), rs.getString(3))))
				.list()
				.forEach(e -> learners.put(e.getKey(), e.getValue()));
		}
		return learners.get(iin);
	}

	/** The id of the learner's plan for a school year, in scope, or null. */
	Long plan(long learnerId, int schoolYear) {
		if (plans == null) {
			plans = new HashMap<>();
			scope
				.bind(jdbc
					.sql("SELECT p.id, p.learner_id, p.school_year FROM plan p JOIN learner l ON l.id = p.learner_id"
							+ " WHERE " + scope.sql("l.path")))
				.query((rs, n) -> Map.entry(rs.getLong(2) + "|" + rs.getInt(3), rs.getLong(1)))
				.list()
				.forEach(e -> plans.put(e.getKey(), e.getValue()));
		}
		return plans.get(learnerId + "|" + schoolYear);
	}

	/** The staff member in scope at this organisation with this IIN, or null. */
	Long staff(long organisationId, String iin) {
		if (staff == null) {
			staff = new HashMap<>();
			scope
				.bind(jdbc.sql("SELECT id, organisation_id, iin FROM staff_member WHERE iin IS NOT NULL AND "
						+ scope.sql("path") + " ORDER BY id"))
				.query((rs, n) -> Map.entry(rs.getLong(2) + "|" + rs.getString(3), rs.getLong(1)))
				.list()
				.forEach(e -> staff.putIfAbsent(e.getKey(), e.getValue()));
		}
		return staff.get(organisationId + "|" + iin);
	}

}
