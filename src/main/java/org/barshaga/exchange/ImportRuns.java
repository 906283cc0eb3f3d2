package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every import and its rejected rows. Written on connections of their own,
 * outside the import's transaction, so that the report survives a rollback.
 */
@Repository
class ImportRuns {

	static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportRuns(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long start(ImportRequest request, long fileBytes, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO import_run (register, file_name, file_bytes, mode, dry_run, status, actor, scope_path,
							started_at) VALUES (:register, :fileName, :fileBytes, :mode, :dryRun, 'RUNNING', :actor, :scope, :now)""")
			.param("register", request.register().name())
			.param("fileName",
					request.fileName().length() > 300 ? request.fileName().substring(0, 300) : request.fileName())
			.param("fileBytes", fileBytes)
			.param("mode", request.mode().name())
			.param("dryRun", request.dryRun())
			.param("actor", request.actor().username())
			.param("scope", request.actor().scope().pathPrefix())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * How far the import has read. The rows saved are not written here: they are
	 * {@link #saved}, in the import's own transaction.
	 */
	void progress(long id, long bytesRead, long rowsRead, long rejected) {
		jdbc.sql("UPDATE import_run SET bytes_read = ?, rows_read = ?, rows_rejected = ? WHERE id = ?")
			.params(bytesRead, rowsRead, rejected, id)
			.update();
	}

	/**
	 * The rows and batches the database will hold once the import's transaction commits,
	 * written on the import's connection, inside that transaction: a crash before the
	 * commit loses both the rows and their count, so the record never says more or less
	 * than the database holds.
	 */
	void saved(Connection connection, long id, long rows, int batches) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE import_run SET rows_written = ?, batches_committed = ? WHERE id = ?")) {
			statement.setLong(1, rows);
			statement.setInt(2, batches);
			statement.setLong(3, id);
			statement.executeUpdate();
		}
	}

	void finish(long id, ImportRun.Status status, String problemKey, Object[] problemArguments, Instant now) {
		jdbc.sql("UPDATE import_run SET status = ?, problem_key = ?, problem_args = ?, finished_at = ? WHERE id = ?")
			.params(status.name(), problemKey, joined(problemArguments, 2000), Timestamp.from(now), id)
			.update();
	}

	void reject(long id, List<Rejection> rejections) {
		template.batchUpdate("""
				INSERT INTO import_rejection (run_id, line_number, column_name, cell_value, reason_key, reason_args)
				VALUES (?, ?, ?, ?, ?, ?)""",
				rejections.stream()
					.map(r -> new Object[] { id, r.line(), r.column(), storable(r.value()), r.reasonKey(),
							joined(r.arguments(), 400) })
					.toList());
	}

	private static String joined(Object[] arguments, int max) {
		if (arguments == null || arguments.length == 0) {
			return null;
		}
		String text = storable(Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(SEPARATOR)));
		return text.length() <= max ? text : text.substring(0, max);
	}

	/**
	 * A refused cell as the report can keep it: PostgreSQL holds no NUL in text, so it is
	 * kept as the symbol that shows it (U+2400), which the report then shows the user.
	 */
	static String storable(String value) {
		return value == null ? null : value.replace('\u0000', '\u2400');
	}

	/**
	 * Runs left running by a process that stopped: they are over, and say so. Their rows
	 * saved are already what the database holds, since each count was committed with its
	 * rows.
	 */
	int markInterrupted(Instant now) {
		return jdbc.sql("UPDATE import_run SET status = 'INTERRUPTED', finished_at = ? WHERE status = 'RUNNING'")
			.param(Timestamp.from(now))
			.update();
	}

	/**
	 * A run the actor may see: their own, or any run started inside their scope by an
	 * administrator of that scope.
	 */
	Optional<ImportRun> find(long id, Actor actor) {
		DataScope scope = actor.scope();
		return scope
			.bind(jdbc
				.sql("SELECT * FROM import_run WHERE id = :id AND (actor = :actor OR " + scope.sql("scope_path") + ")"))
			.param("id", id)
			.param("actor", actor.username())
			.query(ImportRuns::map)
			.optional();
	}

	/**
	 * A run the actor may follow: theirs, or one inside their scope of a register their
	 * role may load (its report shows the rows' values).
	 */
	Optional<ImportRun> visible(long id, Actor actor) {
		return find(id, actor)
			.filter(run -> run.actor().equals(actor.username()) || run.register().allows(actor.role()));
	}

	List<ImportRun> recent(Actor actor, int limit) {
		DataScope scope = actor.scope();
		return scope
			.bind(jdbc.sql("SELECT * FROM import_run WHERE actor = :actor OR " + scope.sql("scope_path")
					+ " ORDER BY id DESC LIMIT :limit"))
			.param("actor", actor.username())
			.param("limit", limit)
			.query(ImportRuns::map)
			.list();
	}

	List<Rejection> rejections(long id, int limit) {
		return jdbc.sql("""
				SELECT line_number, column_name, cell_value, reason_key, reason_args FROM import_rejection
				WHERE run_id = ? ORDER BY line_number LIMIT ?""").params(id, limit).query(ImportRuns::rejection).list();
	}

	/** Whether the report of the run lists only the first problems of many. */
	boolean truncated(long id) {
		return jdbc
			.sql("SELECT COUNT(*) FROM import_rejection WHERE run_id = ? AND reason_key = 'exchange.reason.notListed'")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	void eachRejection(long id, Consumer<Rejection> action) {
		template.query("""
				SELECT line_number, column_name, cell_value, reason_key, reason_args FROM import_rejection
				WHERE run_id = ? ORDER BY line_number""", rs -> {
			action.accept(rejection(rs, 0));
		}, id);
	}

	private static Rejection rejection(ResultSet rs, int row) throws SQLException {
		String args = rs.getString("reason_args");
		return new Rejection(rs.getLong("line_number"), rs.getString("column_name"), rs.getString("cell_value"),
				rs.getString("reason_key"), args == null ? new Object[0] : (Object[]) args.split(SEPARATOR, -1));
	}

	private static ImportRun map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportRun(rs.getLong("id"), Register.valueOf(rs.getString("register")), rs.getString("file_name"),
				rs.getLong("file_bytes"), ImportMode.valueOf(rs.getString("mode")), rs.getBoolean("dry_run"),
				ImportRun.Status.valueOf(rs.getString("status")), rs.getString("actor"), rs.getString("scope_path"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getLong("bytes_read"), rs.getLong("rows_read"), rs.getLong("rows_rejected"),
				rs.getLong("rows_written"), rs.getInt("batches_committed"), rs.getString("problem_key"),
				rs.getString("problem_args"));
	}

}
