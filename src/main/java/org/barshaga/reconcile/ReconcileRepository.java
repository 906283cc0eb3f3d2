package org.barshaga.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of reconciliation: its own tables, and the reads of the health registry, the
 * enrolment extract and the learner register's views that a run needs. Every read of
 * people is limited to a scope in SQL.
 */
@Repository
class ReconcileRepository {

	private static final String RUN_COLUMNS = """
			id, school_year, scope_path, actor, status, started_at, finished_at, match_above, review_above, seed,
			health_records, pupils_total, pupils_read, decisions_applied, candidate_pairs, random_pairs, match_share,
			model, problem, benefit_records, duplicate_pairs""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	ReconcileRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
	}

	long start(int schoolYear, DataScope scope, String actor, LinkageSettings settings, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO reconcile_run (school_year, scope_path, actor, status, started_at, match_above, review_above,
							seed) VALUES (:year, :scope, :actor, 'RUNNING', :now, :match, :review, :seed)""")
			.param("year", schoolYear)
			.param("scope", scope.pathPrefix())
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.param("match", settings.matchAbove())
			.param("review", settings.reviewAbove())
			.param("seed", settings.seed())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void counted(long id, int healthRecords, int benefitRecords, long pupils, int decisions) {
		jdbc.sql("""
				UPDATE reconcile_run SET health_records = ?, benefit_records = ?, pupils_total = ?,
					decisions_applied = ? WHERE id = ?""")
			.params(healthRecords, benefitRecords, pupils, decisions, id)
			.update();
	}

	void progress(long id, long pupilsRead) {
		jdbc.sql("UPDATE reconcile_run SET pupils_read = ? WHERE id = ?").params(pupilsRead, id).update();
	}

	void finish(long id, LinkageEngine.Model model, int duplicatePairs, String modelText, Instant now) {
		jdbc.sql("""
				UPDATE reconcile_run SET status = 'FINISHED', finished_at = ?, pupils_read = ?, candidate_pairs = ?,
					random_pairs = ?, match_share = ?, model = ?, duplicate_pairs = ? WHERE id = ?""")
			.params(Timestamp.from(now), model.pupils(), model.candidatePairs(), model.randomPairs(),
					model.matchShare(), modelText, duplicatePairs, id)
			.update();
	}

	void fail(long id, String problem, Instant now) {
		jdbc.sql("UPDATE reconcile_run SET status = 'FAILED', finished_at = ?, problem = ? WHERE id = ?")
			.params(Timestamp.from(now), problem.length() > 400 ? problem.substring(0, 400) : problem, id)
			.update();
	}

	int markInterrupted(Instant now) {
		return jdbc.sql("UPDATE reconcile_run SET status = 'INTERRUPTED', finished_at = ? WHERE status = 'RUNNING'")
			.param(Timestamp.from(now))
			.update();
	}

	/** A run is seen by users whose scope holds the run's scope or lies inside it. */
	Optional<ReconcileRun> find(long id, DataScope scope) {
		return jdbc
			.sql("SELECT " + RUN_COLUMNS + " FROM reconcile_run WHERE id = :id AND (" + scope.sql("scope_path")
					+ " OR :scopePrefix LIKE " + concat("scope_path", "'%'") + ")")
			.param("id", id)
			.param("scopePrefix", scope.pathPrefix())
			.param("scopePathPattern", likePattern(scope))
			.query(this::run)
			.optional();
	}

	List<ReconcileRun> recent(DataScope scope, int limit) {
		return jdbc
			.sql("SELECT " + RUN_COLUMNS + " FROM reconcile_run WHERE " + scope.sql("scope_path")
					+ " OR :scopePrefix LIKE " + concat("scope_path", "'%'") + " ORDER BY id DESC LIMIT " + limit)
			.param("scopePrefix", scope.pathPrefix())
			.param("scopePathPattern", likePattern(scope))
			.query(this::run)
			.list();
	}

	/**
	 * The newest finished run of the school year that covers the whole scope, whose
	 * results are the current ones for it.
	 */
	Optional<ReconcileRun> latestCovering(DataScope scope, int schoolYear) {
		return jdbc.sql("SELECT " + RUN_COLUMNS + " " + """
				FROM reconcile_run WHERE status = 'FINISHED' AND school_year = :year
				AND :scopePrefix LIKE """ + " " + concat("scope_path", "'%'") + " ORDER BY id DESC LIMIT 1")
			.param("year", schoolYear)
			.param("scopePrefix", scope.pathPrefix())
			.query(this::run)
			.optional();
	}

	private static String concat(String column, String literal) {
		return "(" + column + " || " + literal + ")";
	}

	static String likePattern(DataScope scope) {
		return scope.pathPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private ReconcileRun run(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		double share = rs.getDouble("match_share");
		Double matchShare = rs.wasNull() ? null : share;
		return new ReconcileRun(rs.getLong("id"), rs.getInt("school_year"), rs.getString("scope_path"),
				rs.getString("actor"), ReconcileRun.Status.valueOf(rs.getString("status")),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getDouble("match_above"), rs.getDouble("review_above"), rs.getLong("seed"),
				rs.getInt("health_records"), rs.getLong("pupils_total"), rs.getLong("pupils_read"),
				rs.getInt("decisions_applied"), rs.getLong("candidate_pairs"), rs.getLong("random_pairs"), matchShare,
				rs.getString("model"), rs.getString("problem"), rs.getInt("benefit_records"),
				rs.getInt("duplicate_pairs"));
	}

	// what a run reads

	List<RegisterRecord> healthRecords(DataScope scope) {
		return records(RecordSource.HEALTH, """
				SELECT record_id, iin, surname, given_name, patronymic, birth_date, sex, path,
					disability_group AS group_code
				FROM health_registry_record WHERE""", scope);
	}

	/**
	 * The social-protection register's records; a benefit's type gives the disability
	 * group it is paid for, and a carer's benefit none.
	 */
	List<RegisterRecord> benefitRecords(DataScope scope) {
		return records(RecordSource.BENEFIT, """
				SELECT record_id, iin, surname, given_name, patronymic, birth_date, sex, path,
					CASE WHEN benefit_type = 'CARER' THEN NULL ELSE benefit_type END AS group_code
				FROM social_benefit_record WHERE""", scope);
	}

	private List<RegisterRecord> records(RecordSource source, String select, DataScope scope) {
		return jdbc.sql(select + " " + scope.sql("path") + " ORDER BY record_id")
			.param("scopePathPattern", likePattern(scope))
			.query((rs, row) -> new RegisterRecord(source, rs.getString("record_id"), rs.getString("iin"),
					rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
					rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")), rs.getString("path"),
					rs.getString("group_code")))
			.list();
	}

	long pupilCount(int schoolYear) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ?")
			.param(schoolYear)
			.query(Long.class)
			.single();
	}

	/**
	 * Every pupil of the school year's extract in the whole country, in IIN order, read
	 * with a cursor: a child may go to school outside the region that registered the
	 * disability, and such a child is not out of school.
	 */
	void pupils(int schoolYear, Consumer<Pupil> sink) {
		Map<Long, String> paths = new HashMap<>();
		jdbc.sql("SELECT id, path FROM organisation").query((ResultSet rs) -> {
			paths.put(rs.getLong("id"), rs.getString("path"));
		});
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement("""
					SELECT iin, surname, given_name, patronymic, birth_date, sex, organisation_id
					FROM enrolment_extract WHERE school_year = ? ORDER BY iin""")) {
				statement.setFetchSize(10_000);
				statement.setInt(1, schoolYear);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						long organisation = rs.getLong(7);
						String path = paths.get(organisation);
						if (path == null) {
							continue;
						}
						sink.accept(new Pupil(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getObject(5, LocalDate.class), Sex.valueOf(rs.getString(6)), organisation, path));
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the enrolment extract", ex);
		}
	}

	Set<String> withSenRecord() {
		return new HashSet<>(jdbc.sql("SELECT iin FROM reconcile_sen_record")
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList());
	}

	/**
	 * Those of the given pupils who had an attended support session in the school year,
	 * asked a thousand at a time so that each look-up goes by the learner's IIN.
	 */
	Set<String> supportedAmong(int schoolYear, Collection<String> iins) {
		Set<String> supported = new HashSet<>();
		List<String> all = new ArrayList<>(iins);
		for (int from = 0; from < all.size(); from += 1000) {
			supported.addAll(jdbc.sql("""
					SELECT DISTINCT iin FROM reconcile_support_session
					WHERE iin IN (:iins) AND held_on >= :from AND held_on < :to""")
				.param("iins", all.subList(from, Math.min(all.size(), from + 1000)))
				.param("from", LocalDate.of(schoolYear, 9, 1))
				.param("to", LocalDate.of(schoolYear + 1, 9, 1))
				.query(String.class)
				.list()
				.stream()
				.map(String::trim)
				.toList());
		}
		return supported;
	}

	/** Every remembered decision on the records of the scope. */
	Map<String, Map<String, Boolean>> decisions(DataScope scope) {
		Map<String, Map<String, Boolean>> decisions = new HashMap<>();
		jdbc.sql("SELECT register, record_id, pupil_iin, confirmed FROM reconcile_decision WHERE " + scope.sql("path"))
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				decisions.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new HashMap<>())
					.put(rs.getString(3).trim(), rs.getBoolean(4));
			});
		return decisions;
	}

	/**
	 * Every remembered decision on pairs of records of one register in the scope, by the
	 * two record ids joined with a space, the smaller first.
	 */
	Map<RecordSource, Map<String, Boolean>> duplicateDecisions(DataScope scope) {
		Map<RecordSource, Map<String, Boolean>> decisions = new java.util.EnumMap<>(RecordSource.class);
		jdbc.sql("SELECT register, record_id, other_record_id, confirmed FROM reconcile_duplicate_decision WHERE "
				+ scope.sql("path"))
			.param("scopePathPattern", likePattern(scope))
			.query((ResultSet rs) -> {
				decisions.computeIfAbsent(RecordSource.valueOf(rs.getString(1)), k -> new HashMap<>())
					.put(rs.getString(2) + " " + rs.getString(3), rs.getBoolean(4));
			});
		return decisions;
	}

	void saveResults(long runId, List<ResultRow> rows) {
		template.batchUpdate("""
				INSERT INTO reconcile_result (run_id, record_id, outcome, path, residence_path, pupil_iin,
					organisation_id, probability, weight, agreement, names_swapped, decided, age, sex, register,
					child_key, child_primary, cluster_key, cluster_size, cluster_probability, cluster_uncertain,
					found_in, disagreements, possible_duplicate)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 5_000,
				(ps, r) -> {
					ps.setLong(1, runId);
					ps.setString(2, r.recordId());
					ps.setString(3, r.outcome().name());
					ps.setString(4, r.path());
					ps.setString(5, r.residencePath());
					ps.setString(6, r.pupilIin());
					if (r.organisationId() == null) {
						ps.setNull(7, java.sql.Types.BIGINT);
					}
					else {
						ps.setLong(7, r.organisationId());
					}
					ps.setDouble(8, r.probability());
					ps.setDouble(9, r.weight());
					ps.setString(10, r.agreement());
					ps.setBoolean(11, r.namesSwapped());
					ps.setBoolean(12, r.decided());
					ps.setInt(13, r.age());
					ps.setString(14, r.sex());
					ps.setString(15, r.register().name());
					ps.setString(16, r.childKey());
					ps.setBoolean(17, r.primary());
					ps.setString(18, r.clusterKey());
					ps.setInt(19, r.clusterSize());
					ps.setDouble(20, r.clusterProbability());
					ps.setBoolean(21, r.clusterUncertain());
					ps.setString(22, r.foundIn());
					ps.setString(23, r.disagreements());
					ps.setString(24, r.possibleDuplicate());
				});
	}

	void savePupilDuplicates(long runId, List<PupilDuplicates.Pair> pairs) {
		template.batchUpdate("""
				INSERT INTO reconcile_pupil_duplicate (run_id, iin, other_iin, path, other_path)
				VALUES (?, ?, ?, ?, ?)""", pairs, 5_000, (ps, pair) -> {
			ps.setLong(1, runId);
			ps.setString(2, pair.first().iin());
			ps.setString(3, pair.second().iin());
			ps.setString(4, pair.first().path());
			ps.setString(5, pair.second().path());
		});
	}

	/** One result as stored. */
	record ResultRow(String recordId, ReconcileOutcome outcome, String path, String residencePath, String pupilIin,
			Long organisationId, double probability, double weight, String agreement, boolean namesSwapped,
			boolean decided, int age, String sex, RecordSource register, String childKey, boolean primary,
			String clusterKey, int clusterSize, double clusterProbability, boolean clusterUncertain, String foundIn,
			String disagreements, String possibleDuplicate) {
	}

	private static String trimmed(String text) {
		return text == null ? null : text.trim();
	}

}
