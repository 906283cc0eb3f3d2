package org.barshaga.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of what the reconciliation pages read and the reviewers decide: a run's results
 * with the records' own fields, counted and listed per child in a scope, and the
 * decisions remembered for later runs. Every read of people is limited to a scope in SQL.
 */
@Repository
class ResultRepository {

	/** A result is in a scope when the child lives or goes to school there. */
	private static final String RESULT_IN_SCOPE = "(r.path LIKE :scopePathPattern ESCAPE '!'"
			+ " OR r.residence_path LIKE :scopePathPattern ESCAPE '!')";

	private static final String LISTED = """
			r.register, r.record_id, r.outcome, r.path, r.residence_path, r.pupil_iin, r.organisation_id,
			r.probability, r.agreement, r.names_swapped, r.decided, r.age, h.surname, h.given_name, h.patronymic,
			h.birth_date, h.sex, h.iin, h.group_code, r.child_key, r.child_primary, r.cluster_key, r.cluster_size,
			r.cluster_probability, r.found_in, r.disagreements, r.possible_duplicate""";

	private final JdbcClient jdbc;

	ResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static String likePattern(DataScope scope) {
		return ReconcileRepository.likePattern(scope);
	}

	/** Counts of each outcome, per place one level below the scope. */
	Map<String, Map<ReconcileOutcome, Long>> countsByPlace(long runId, DataScope scope, int depth) {
		Map<String, Map<ReconcileOutcome, Long>> counts = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT r.path, r.residence_path, r.outcome FROM reconcile_result r WHERE r.run_id = :run AND r.child_primary AND "
						+ RESULT_IN_SCOPE)
			.param("run", runId)
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				String place = placeBelow(scope, rs.getString(1), rs.getString(2), depth);
				counts.computeIfAbsent(place, k -> new java.util.EnumMap<>(ReconcileOutcome.class))
					.merge(ReconcileOutcome.valueOf(rs.getString(3)), 1L, Long::sum);
			});
		return counts;
	}

	/**
	 * The code of the unit one level below the scope that a result falls in: where the
	 * child goes to school when that is inside the scope, else where the child lives; an
	 * empty string when the record knows the place no closer than the scope itself.
	 */
	static String placeBelow(DataScope scope, String path, String residence, int depth) {
		String chosen = scope.contains(path) ? path : residence;
		String[] parts = chosen.split("/");
		return parts.length > depth + 1 ? parts[depth + 1] : "";
	}

	List<ListedResult> results(long runId, DataScope scope, ReconcileOutcome outcome, int limit, int offset) {
		return jdbc.sql("SELECT " + LISTED + " " + """
				FROM reconcile_result r JOIN reconcile_record h ON h.register = r.register AND h.record_id = r.record_id
				WHERE r.run_id = :run AND r.outcome = :outcome AND r.child_primary AND""" + " " + RESULT_IN_SCOPE + """
				ORDER BY r.residence_path, h.surname, h.given_name, r.record_id LIMIT :limit OFFSET :offset""")
			.param("run", runId)
			.param("outcome", outcome.name())
			.param("scopePathPattern", likePattern(scope))
			.param("limit", limit)
			.param("offset", offset)
			.query(ResultRepository::listed)
			.list();
	}

	long countResults(long runId, DataScope scope, ReconcileOutcome outcome) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM reconcile_result r WHERE r.run_id = :run AND r.outcome = :outcome AND r.child_primary AND "
						+ RESULT_IN_SCOPE)
			.param("run", runId)
			.param("outcome", outcome.name())
			.param("scopePathPattern", likePattern(scope))
			.query(Long.class)
			.single();
	}

	Optional<ListedResult> result(long runId, RecordSource register, String recordId, DataScope scope) {
		return jdbc
			.sql("SELECT " + LISTED + " "
					+ """
							FROM reconcile_result r JOIN reconcile_record h ON h.register = r.register AND h.record_id = r.record_id
							WHERE r.run_id = :run AND r.register = :register AND r.record_id = :record AND"""
					+ " " + RESULT_IN_SCOPE)
			.param("run", runId)
			.param("register", register.name())
			.param("record", recordId)
			.param("scopePathPattern", likePattern(scope))
			.query(ResultRepository::listed)
			.optional();
	}

	private static ListedResult listed(ResultSet rs, int row) throws SQLException {
		long org = rs.getLong("organisation_id");
		Long organisation = rs.wasNull() ? null : org;
		return new ListedResult(RecordSource.valueOf(rs.getString("register")), rs.getString("record_id"),
				ReconcileOutcome.valueOf(rs.getString("outcome")), rs.getString("path"), rs.getString("residence_path"),
				trimmed(rs.getString("pupil_iin")), organisation, rs.getDouble("probability"),
				rs.getString("agreement"), rs.getBoolean("names_swapped"), rs.getBoolean("decided"), rs.getInt("age"),
				rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("iin"),
				rs.getString("group_code"), rs.getString("child_key"), rs.getBoolean("child_primary"),
				rs.getString("cluster_key"), rs.getInt("cluster_size"), rs.getDouble("cluster_probability"),
				rs.getString("found_in"), rs.getString("disagreements"), rs.getString("possible_duplicate"));
	}

	/** A result with the health record's own fields, for the lists and the review. */
	record ListedResult(RecordSource register, String recordId, ReconcileOutcome outcome, String path,
			String residencePath, String pupilIin, Long organisationId, double probability, String agreement,
			boolean namesSwapped, boolean decided, int age, String surname, String givenName, String patronymic,
			LocalDate birthDate, String sex, String iin, String disabilityGroup, String childKey, boolean primary,
			String clusterKey, int clusterSize, double clusterProbability, String foundIn, String disagreements,
			String possibleDuplicate) {

		/** The registers that hold the child, and SCHOOL when the extract does. */
		List<String> registers() {
			return foundIn == null || foundIn.isEmpty() ? List.of() : List.of(foundIn.split(","));
		}

		List<String> disagreementList() {
			return disagreements == null || disagreements.isEmpty() ? List.of() : List.of(disagreements.split(","));
		}

	}

	/** Which results a download holds. */
	enum Selection {

		/** The children of one outcome, each once. */
		OUTCOME("r.outcome = :value AND r.child_primary"),
		/**
		 * Every record of a register that shares its cluster or waits for review as a
		 * possible duplicate.
		 */
		DUPLICATES("r.register = :value AND (r.cluster_size > 1 OR r.cluster_uncertain)"),
		/** The children on whom the two registers disagree, each once. */
		DISAGREEMENTS("r.child_primary AND r.disagreements <> ''");

		private final String condition;

		Selection(String condition) {
			this.condition = condition;
		}

	}

	/**
	 * Streams the selected results in a scope in a stable order, without paging: a
	 * national list goes out in one pass.
	 */
	void stream(long runId, DataScope scope, Selection selection, String value, Consumer<ListedResult> each) {
		jdbc.sql("SELECT " + LISTED + " " + """

				FROM reconcile_result r JOIN reconcile_record h ON h.register = r.register AND h.record_id = r.record_id
				WHERE r.run_id = :run AND""" + " " + selection.condition + " AND " + RESULT_IN_SCOPE + """

				ORDER BY r.residence_path, r.cluster_key, r.child_key, r.register, r.record_id""")
			.param("run", runId)
			.param("value", value)
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				each.accept(listed(rs, 0));
			});
	}

	/** The names of the schools the run's results in a scope mention, by id. */
	Map<Long, String[]> organisationsOfRun(long runId, DataScope scope) {
		Map<Long, String[]> names = new HashMap<>();
		jdbc.sql("""
				SELECT o.id, o.code, o.name_kk, o.name_ru, o.name_en FROM organisation o
				WHERE o.id IN (SELECT r.organisation_id FROM reconcile_result r WHERE r.run_id = :run AND""" + " "
				+ RESULT_IN_SCOPE + ")")
			.param("run", runId)
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				names.put(rs.getLong(1),
						new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
			});
		return names;
	}

	/** A pupil the enrolment extract holds twice, with both rows' schools. */
	record PupilDuplicate(String iin, String otherIin, String surname, String givenName, String patronymic,
			LocalDate birthDate, String sex, String schoolCode, String otherSchoolCode, String path, String otherPath) {

		boolean sameSchool() {
			return schoolCode.equals(otherSchoolCode);
		}

	}

	/** The run's pupils held twice whose either school is in the scope, streamed. */
	void streamPupilDuplicates(long runId, DataScope scope, Consumer<PupilDuplicate> each) {
		jdbc.sql(
				"""
						SELECT d.iin, d.other_iin, a.surname, a.given_name, a.patronymic, a.birth_date, a.sex, oa.code AS school,
							ob.code AS other_school, d.path, d.other_path
						FROM reconcile_pupil_duplicate d
						JOIN reconcile_run run ON run.id = d.run_id
						JOIN enrolment_extract a ON a.school_year = run.school_year AND a.iin = d.iin
						JOIN enrolment_extract b ON b.school_year = run.school_year AND b.iin = d.other_iin
						JOIN organisation oa ON oa.id = a.organisation_id
						JOIN organisation ob ON ob.id = b.organisation_id
						WHERE d.run_id = :run AND (d.path LIKE :scopePathPattern ESCAPE '!'
							OR d.other_path LIKE :scopePathPattern ESCAPE '!')
						ORDER BY d.path, d.iin, d.other_iin""")
			.param("run", runId)
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				each.accept(new PupilDuplicate(rs.getString("iin").trim(), rs.getString("other_iin").trim(),
						rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
						rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("school"),
						rs.getString("other_school"), rs.getString("path"), rs.getString("other_path")));
			});
	}

	/** Every record of one child in the run, the one that stands for the child first. */
	List<ListedResult> childRecords(long runId, String childKey, DataScope scope) {
		return jdbc.sql("SELECT " + LISTED + " " + """
				FROM reconcile_result r JOIN reconcile_record h ON h.register = r.register AND h.record_id = r.record_id
				WHERE r.run_id = :run AND (r.child_key = :child OR r.child_key IN (SELECT d.child_key
					FROM reconcile_result c JOIN reconcile_result d ON d.run_id = c.run_id AND d.register = c.register
						AND (d.record_id = c.possible_duplicate OR d.possible_duplicate = c.record_id)
					WHERE c.run_id = :run AND c.child_key = :child)) AND""" + " " + RESULT_IN_SCOPE + """
				ORDER BY CASE WHEN r.child_key = :child THEN 0 ELSE 1 END, r.child_primary DESC, r.register DESC,
					r.record_id""")
			.param("run", runId)
			.param("child", childKey)
			.param("scopePathPattern", likePattern(scope))
			.query(ResultRepository::listed)
			.list();
	}

	/** The pupil as the enrolment extract has it, for the side-by-side review. */
	Optional<Map<String, Object>> pupil(int schoolYear, String iin) {
		return jdbc.sql("""
				SELECT e.iin, e.surname, e.given_name, e.patronymic, e.birth_date, e.sex, e.grade, o.code, o.path,
					o.name_kk, o.name_ru, o.name_en
				FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.school_year = ? AND e.iin = ?""").params(schoolYear, iin).query((rs, row) -> {
			Map<String, Object> pupil = new LinkedHashMap<>();
			for (String column : List.of("iin", "surname", "given_name", "patronymic", "sex", "code", "path", "name_kk",
					"name_ru", "name_en")) {
				pupil.put(column, rs.getString(column));
			}
			pupil.put("birth_date", rs.getObject("birth_date", LocalDate.class));
			pupil.put("grade", rs.getInt("grade"));
			return pupil;
		}).optional();
	}

	void decide(RecordSource register, String recordId, String pupilIin, boolean confirmed, String path, long runId,
			String actor, Instant now) {
		int updated = jdbc.sql("""
				UPDATE reconcile_decision SET confirmed = ?, path = ?, run_id = ?, decided_by = ?, decided_at = ?
				WHERE register = ? AND record_id = ? AND pupil_iin = ?""")
			.params(confirmed, path, runId, actor, Timestamp.from(now), register.name(), recordId, pupilIin)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO reconcile_decision (register, record_id, pupil_iin, confirmed, path, run_id, decided_by,
						decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(register.name(), recordId, pupilIin, confirmed, path, runId, actor, Timestamp.from(now))
				.update();
		}
	}

	Optional<Boolean> decision(RecordSource register, String recordId, String pupilIin) {
		return jdbc
			.sql("SELECT confirmed FROM reconcile_decision WHERE register = ? AND record_id = ? AND pupil_iin = ?")
			.params(register.name(), recordId, pupilIin)
			.query(Boolean.class)
			.optional();
	}

	/** Remembers that two records of one register name the same child, or not. */
	void decideDuplicate(RecordSource register, String recordId, String otherRecordId, boolean confirmed, String path,
			long runId, String actor, Instant now) {
		String first = recordId.compareTo(otherRecordId) <= 0 ? recordId : otherRecordId;
		String second = first.equals(recordId) ? otherRecordId : recordId;
		int updated = jdbc.sql("""
				UPDATE reconcile_duplicate_decision SET confirmed = ?, path = ?, run_id = ?, decided_by = ?,
					decided_at = ? WHERE register = ? AND record_id = ? AND other_record_id = ?""")
			.params(confirmed, path, runId, actor, Timestamp.from(now), register.name(), first, second)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO reconcile_duplicate_decision (register, record_id, other_record_id, confirmed, path,
						run_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(register.name(), first, second, confirmed, path, runId, actor, Timestamp.from(now))
				.update();
		}
	}

	/** Names of organisations by id, for the lists. */
	Map<Long, String[]> organisations(List<Long> ids) {
		Map<Long, String[]> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, code, name_kk, name_ru, name_en FROM organisation WHERE id IN (:ids)")
			.param("ids", new ArrayList<>(new HashSet<>(ids)))
			.query((ResultSet rs) -> {
				names.put(rs.getLong(1),
						new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
			});
		return names;
	}

	private static String trimmed(String text) {
		return text == null ? null : text.trim();
	}

}
