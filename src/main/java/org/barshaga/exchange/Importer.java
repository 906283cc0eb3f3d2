package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a file into a register. Each row is parsed, checked against the layout, its
 * references and the importer's scope, and written by its natural key on a connection of
 * the import's own, so that the transaction decides what survives a failure:
 * <ul>
 * <li>all-or-nothing: one transaction, committed only when no row was rejected; a crash
 * or a rejected row leaves the register as it was;</li>
 * <li>valid rows: a transaction per batch, so a crash leaves whole batches only; running
 * the same file again completes it, because rows are written by their natural key.</li>
 * </ul>
 * Rejections and progress are written on other connections and survive either way. The
 * rows saved are written in the same transaction as the rows they count, so that the
 * run's record says what the database holds whatever stops the import. Everything a file
 * can make the import hold is bounded ({@link UploadLimits}): the file, its rows, each
 * cell, and the rejections kept for the report.
 */
@Service
class Importer {

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	private static final int REJECTIONS_PER_WRITE = 1000;

	private static final long PROGRESS_EVERY_MILLIS = 500;

	/**
	 * Told how far an import has come, for a terminal's progress bar.
	 */
	interface Progress {

		void update(long bytesRead, long fileBytes, long rowsRead, long rowsRejected, long rowsWritten);

	}

	private final Map<Register, RegisterHandler> handlers = new EnumMap<>(Register.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ImportRuns runs;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean postgres;

	/** The imports this process runs, by run id; the lock of starting one. */
	private final Map<Long, Active> active = new HashMap<>();

	private record Active(Register register, String scope) {
	}

	Importer(List<RegisterHandler> handlers, DataSource dataSource, JdbcClient jdbc, ImportRuns runs, AuditLog audit,
			TransactionTemplate transactions, Clock clock) throws SQLException {
		handlers.forEach(h -> this.handlers.put(h.layout().register(), h));
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.runs = runs;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	// not when a backup or restore starts: it may run beside a live server, whose running
	// work is no leftover of a stopped process, and a restore leaves the backup as it was
	@EventListener(value = ApplicationReadyEvent.class,
			condition = "@environment.getProperty('barshaga.close-stopped-runs', 'true') == 'true'")
	void closeRunsOfStoppedProcesses() {
		int interrupted = runs.markInterrupted(clock.instant());
		if (interrupted > 0) {
			log.warn("{} import(s) were interrupted when the application stopped; run them again to complete them",
					interrupted);
		}
	}

	boolean postgres() {
		return postgres;
	}

	RegisterHandler handler(Register register) {
		return handlers.get(register);
	}

	List<Layout> layouts() {
		return handlers.values().stream().map(RegisterHandler::layout).toList();
	}

	/**
	 * Records the run and answers its id; the import itself is {@link #execute}. A second
	 * import of a register while one runs in an overlapping scope is refused before
	 * anything is recorded, whichever way it comes in (page, API or command line): two
	 * imports writing the same rows by their natural key would each report counts the
	 * other changes, and an all-or-nothing import would wait on the other's locks. The
	 * check and the record of the run are one step. The imports compared are those this
	 * process runs, not the records marked running: a record left running by a process
	 * that was killed would otherwise refuse every import of its register until the next
	 * start of the server.
	 */
	long begin(ImportRequest request) throws IOException {
		if (!request.register().allows(request.actor().role())) {
			throw new NotPermittedException("import " + request.register().fileName());
		}
		long fileBytes = Files.size(request.file());
		synchronized (active) {
			refuseWhileRunning(request.register(), request.actor());
			long runId = runs.start(request, fileBytes, clock.instant());
			active.put(runId, new Active(request.register(), request.actor().scope().pathPrefix()));
			return runId;
		}
	}

	/**
	 * @throws ImportRunning when an import of the register runs in a scope that holds the
	 * actor's or lies inside it
	 */
	void refuseWhileRunning(Register register, Actor actor) {
		String scope = actor.scope().pathPrefix();
		synchronized (active) {
			active.entrySet()
				.stream()
				.filter(run -> run.getValue().register() == register)
				.filter(run -> scope.startsWith(run.getValue().scope()) || run.getValue().scope().startsWith(scope))
				.findFirst()
				.ifPresent(run -> {
					throw new ImportRunning(run.getKey(), register);
				});
		}
	}

	/**
	 * A run begun that will not be executed (its worker was refused): it runs no more.
	 */
	void abandon(long runId) {
		synchronized (active) {
			active.remove(runId);
		}
	}

	ImportRun run(ImportRequest request, Progress progress) throws IOException {
		return execute(begin(request), request, progress);
	}

	ImportRun execute(long runId, ImportRequest request, Progress progress) {
		try {
			new Execution(runId, request, progress).go();
		}
		finally {
			abandon(runId);
		}
		return runs.find(runId, request.actor()).orElseThrow();
	}

	/** The state of one import while it runs. */
	private final class Execution {

		private final long runId;

		private final ImportRequest request;

		private final Progress progress;

		private final KeptProblems problemsKept;

		private final List<Object> batch = new ArrayList<>();

		private final List<Long> batchLines = new ArrayList<>();

		private long fileBytes;

		private long rowsRead;

		private long rejected;

		/** Rows written in the transaction that is open. */
		private final AtomicLong written = new AtomicLong();

		/** Rows committed: what the database holds. */
		private final AtomicLong committed = new AtomicLong();

		private boolean stopped;

		private final AtomicLong rejectedByDatabase = new AtomicLong();

		private final AtomicInteger batches = new AtomicInteger();

		private final ImportWriter background = new ImportWriter();

		private long lastProgress;

		private RecordSource source;

		private volatile boolean writing;

		private Execution(long runId, ImportRequest request, Progress progress) {
			this.runId = runId;
			this.problemsKept = new KeptProblems(runs, runId);
			this.request = request;
			this.progress = progress;
		}

		void go() {
			Instant now = clock.instant();
			RegisterHandler handler = handlers.get(request.register());
			Layout layout = handler.layout();
			writing = !request.dryRun();
			try (InputStream input = Files.newInputStream(request.file());
					Connection connection = dataSource.getConnection()) {
				try {
					importFile(input, connection, handler, layout, now);
				}
				catch (FileProblem | SQLException | IOException | RuntimeException ex) {
					// The writer thread uses the connection: it stops before the
					// connection closes.
					writing = false;
					background.drain();
					throw ex;
				}
			}
			catch (FileProblem problem) {
				finishAfterProblem(ImportRun.Status.REFUSED, problem.key(), problem.arguments());
			}
			catch (SQLException | IOException | RuntimeException ex) {
				log.error("Import {} failed", runId, ex);
				// the fault's own text is for the log, not for the user
				finishAfterProblem(ImportRun.Status.FAILED, "exchange.problem.failed",
						new Object[] { String.valueOf(runId) });
			}
			finally {
				closeSource();
			}
		}

		private void closeSource() {
			if (source != null) {
				try {
					source.close();
				}
				catch (IOException ex) {
					log.warn("Import {}: could not close its file", runId, ex);
				}
			}
		}

		private void importFile(InputStream input, Connection connection, RegisterHandler handler, Layout layout,
				Instant now) throws FileProblem, SQLException, IOException {
			fileBytes = Files.size(request.file());
			if (fileBytes > UploadLimits.MAX_FILE_BYTES) {
				throw new FileProblem("exchange.problem.fileTooLarge", UploadLimits.megabytes(fileBytes),
						UploadLimits.megabytes(UploadLimits.MAX_FILE_BYTES));
			}
			source = request.xlsx() ? new XlsxRecords(request.file()) : new CsvRecords(input);
			RecordSource.SourceRecord header = source.next();
			while (header != null && header.blank()) {
				header = source.next();
			}
			if (header == null) {
				throw new FileProblem("exchange.problem.empty", layout.describe());
			}
			RowParser parser = RowParser.forHeader(layout, header.fields(), layouts());
			connection.setAutoCommit(false);
			ImportContext context = new ImportContext(request.actor(), now, postgres,
					new References(jdbc, request.actor().scope()),
					HealthSight.of(request.actor(), request.channel(), LocalDate.now(clock)));
			RegisterHandler.RowWriter writer = handler.writer(context);
			int batchSize = request.register() == Register.ENROLMENT ? 20_000 : 2_000;
			int[] keyColumns = layout.key().stream().mapToInt(layout::index).toArray();
			int birthColumn = layout.has(Checks.BIRTH_DATE) ? layout.index(Checks.BIRTH_DATE) : -1;
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			KeyIndex keys = new KeyIndex();
			List<Rejection> problems = new ArrayList<>();
			StringBuilder key = new StringBuilder();
			RecordSource.SourceRecord record;
			while ((record = source.next()) != null) {
				if (record.blank()) {
					continue;
				}
				rowsRead++;
				if (rowsRead > UploadLimits.MAX_ROWS) {
					throw new FileProblem("exchange.problem.tooManyRows", UploadLimits.MAX_ROWS);
				}
				problems.clear();
				Object resolved = null;
				if (record.unclosedQuote()) {
					problems.add(new Rejection(record.line(), null, null, "exchange.reason.unclosedQuote"));
				}
				else {
					ParsedRow row = parser.parse(record.line(), record.fields(), problems);
					if (row != null) {
						key.setLength(0);
						for (int column : keyColumns) {
							key.append(row.raw(column).toUpperCase()).append('\u001f');
						}
						int earlier = keys.putIfAbsent(key.toString(), record.line());
						if (earlier > 0) {
							problems.add(new Rejection(record.line(), null, null, "exchange.reason.repeated", earlier));
						}
						else {
							if (birthColumn >= 0) {
								Checks.notInFuture(row, birthColumn, Checks.BIRTH_DATE, today, problems);
							}
							resolved = writer.resolve(row, problems);
						}
					}
				}
				if (!problems.isEmpty()) {
					rejected++;
					problemsKept.add(problems);
					if (request.mode() == ImportMode.ALL_OR_NOTHING && writing) {
						writing = false;
						batch.clear();
						batchLines.clear();
						background.submit(() -> {
							connection.rollback();
							written.set(0);
						});
					}
					if (request.mode() == ImportMode.ALL_OR_NOTHING && rejected >= UploadLimits.ALL_OR_NOTHING_STOP) {
						// Nothing can be saved any more: reading on would only fill the
						// report.
						stopped = true;
						break;
					}
				}
				else if (writing) {
					batch.add(resolved);
					batchLines.add(record.line());
					if (batch.size() >= batchSize) {
						flush(connection, writer);
					}
				}
				if (problemsKept.pending() >= REJECTIONS_PER_WRITE) {
					problemsKept.save();
				}
				if ((rowsRead & 1023) == 0) {
					report(false);
				}
			}
			if (writing && !batch.isEmpty()) {
				flush(connection, writer);
			}
			background.finish();
			rejected += rejectedByDatabase.get();
			writer.finish(connection);
			problemsKept.save();
			ImportRun.Status status;
			if (request.dryRun()) {
				connection.rollback();
				status = rejected > 0 ? ImportRun.Status.REJECTED : ImportRun.Status.COMPLETED;
			}
			else if (request.mode() == ImportMode.ALL_OR_NOTHING) {
				if (rejected > 0) {
					connection.rollback();
					written.set(0);
					status = ImportRun.Status.REJECTED;
				}
				else {
					int batchesSaved = written.get() > 0 ? 1 : 0;
					runs.saved(connection, runId, written.get(), batchesSaved);
					connection.commit();
					committed.set(written.get());
					batches.set(batchesSaved);
					status = ImportRun.Status.COMPLETED;
				}
			}
			else {
				connection.commit();
				status = ImportRun.Status.COMPLETED;
			}
			problemsKept.close();
			report(true);
			audited();
			if (stopped) {
				runs.finish(runId, status, "exchange.problem.stoppedAtRejections",
						new Object[] { UploadLimits.ALL_OR_NOTHING_STOP }, clock.instant());
			}
			else {
				runs.finish(runId, status, null, null, clock.instant());
			}
		}

		private void finishAfterProblem(ImportRun.Status status, String key, Object[] arguments) {
			problemsKept.close();
			report(true);
			audited();
			runs.finish(runId, status, key, arguments, clock.instant());
		}

		private void audited() {
			if (committed.get() > 0 && request.register().personal()) {
				transactions.executeWithoutResult(t -> audit.recorded(request.actor(), AuditAction.IMPORT, "import",
						runId, request.actor().scope().pathPrefix(),
						request.register().fileName() + ": " + committed.get() + " rows from " + request.fileName()));
			}
		}

		/**
		 * Hands the batch to the writer thread, so that parsing the next batch (Java, one
		 * core) overlaps with writing this one (the database, the other core). At most
		 * two batches wait, which bounds the memory.
		 */
		private void flush(Connection connection, RegisterHandler.RowWriter writer) throws SQLException {
			List<Object> rows = new ArrayList<>(batch);
			List<Long> lines = new ArrayList<>(batchLines);
			batch.clear();
			batchLines.clear();
			background.submit(() -> write(connection, writer, rows, lines));
			report(false);
		}

		/**
		 * Writes a batch under a savepoint. A row the database refuses despite the checks
		 * is found by writing the rows one by one and is reported; the others are kept.
		 */
		private void write(Connection connection, RegisterHandler.RowWriter writer, List<Object> rows, List<Long> lines)
				throws SQLException {
			if (!writing) {
				return;
			}
			Savepoint savepoint = connection.setSavepoint();
			long writtenBefore = written.get();
			try {
				writer.write(connection, rows);
				written.addAndGet(rows.size());
			}
			catch (SQLException ex) {
				connection.rollback(savepoint);
				List<Rejection> refused = new ArrayList<>();
				for (int i = 0; i < rows.size(); i++) {
					Savepoint single = connection.setSavepoint();
					try {
						writer.write(connection, List.of(rows.get(i)));
						written.incrementAndGet();
					}
					catch (SQLException rowFailure) {
						connection.rollback(single);
						refused.add(new Rejection(lines.get(i), null, null, "exchange.reason.database",
								firstLine(rowFailure.getMessage())));
					}
				}
				if (!refused.isEmpty()) {
					rejectedByDatabase.addAndGet(refused.size());
					problemsKept.add(refused);
					if (request.mode() == ImportMode.ALL_OR_NOTHING) {
						connection.rollback();
						written.set(0);
						writing = false;
					}
				}
			}
			if (request.mode() == ImportMode.VALID_ROWS) {
				long inBatch = written.get() - writtenBefore;
				runs.saved(connection, runId, committed.get() + inBatch, batches.get() + 1);
				connection.commit();
				committed.addAndGet(inBatch);
				batches.incrementAndGet();
			}
		}

		private void report(boolean force) {
			long nowMillis = System.currentTimeMillis();
			if (!force && nowMillis - lastProgress < PROGRESS_EVERY_MILLIS) {
				return;
			}
			lastProgress = nowMillis;
			long bytes = source == null ? 0 : source.bytesRead();
			long rejectedNow = rejected + rejectedByDatabase.get();
			runs.progress(runId, bytes, rowsRead, rejectedNow);
			if (progress != null) {
				progress.update(bytes, fileBytes, rowsRead, rejectedNow, committed.get());
			}
		}

	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		String line = newline < 0 ? message : message.substring(0, newline);
		return line.length() > 300 ? line.substring(0, 300) : line;
	}

}
