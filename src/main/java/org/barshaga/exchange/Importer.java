package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
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
 * Rejections and progress are written on other connections and survive either way.
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

	@EventListener(ApplicationReadyEvent.class)
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

	/** Records the run and answers its id; the import itself is {@link #execute}. */
	long begin(ImportRequest request) throws IOException {
		if (!request.register().allows(request.actor().role())) {
			throw new NotPermittedException("import " + request.register().fileName());
		}
		return runs.start(request, Files.size(request.file()), clock.instant());
	}

	ImportRun run(ImportRequest request, Progress progress) throws IOException {
		return execute(begin(request), request, progress);
	}

	ImportRun execute(long runId, ImportRequest request, Progress progress) {
		Execution execution = new Execution(runId, request, progress);
		execution.go();
		return runs.find(runId, request.actor()).orElseThrow();
	}

	/** The state of one import while it runs. */
	private final class Execution {

		private final long runId;

		private final ImportRequest request;

		private final Progress progress;

		private final List<Rejection> pending = Collections.synchronizedList(new ArrayList<>());

		private final List<Object> batch = new ArrayList<>();

		private final List<Long> batchLines = new ArrayList<>();

		private long fileBytes;

		private long rowsRead;

		private long rejected;

		private final AtomicLong written = new AtomicLong();

		private final AtomicLong rejectedByDatabase = new AtomicLong();

		private final AtomicInteger batches = new AtomicInteger();

		private final Background background = new Background();

		private long lastProgress;

		private RecordSource source;

		private volatile boolean writing;

		private Execution(long runId, ImportRequest request, Progress progress) {
			this.runId = runId;
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
				fileBytes = Files.size(request.file());
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
						new References(jdbc, request.actor().scope()));
				RegisterHandler.RowWriter writer = handler.writer(context);
				int batchSize = request.register() == Register.ENROLMENT ? 20_000 : 2_000;
				int[] keyColumns = layout.key().stream().mapToInt(layout::index).toArray();
				KeyIndex keys = new KeyIndex();
				List<Rejection> problems = new ArrayList<>();
				StringBuilder key = new StringBuilder();
				RecordSource.SourceRecord record;
				while ((record = source.next()) != null) {
					if (record.blank()) {
						continue;
					}
					rowsRead++;
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
								problems
									.add(new Rejection(record.line(), null, null, "exchange.reason.repeated", earlier));
							}
							else {
								resolved = writer.resolve(row, problems);
							}
						}
					}
					if (!problems.isEmpty()) {
						rejected++;
						pending.addAll(problems);
						if (request.mode() == ImportMode.ALL_OR_NOTHING && writing) {
							writing = false;
							batch.clear();
							batchLines.clear();
							background.submit(() -> {
								connection.rollback();
								written.set(0);
							});
						}
					}
					else if (writing) {
						batch.add(resolved);
						batchLines.add(record.line());
						if (batch.size() >= batchSize) {
							flush(connection, writer);
						}
					}
					if (pending.size() >= REJECTIONS_PER_WRITE) {
						savePending();
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
				savePending();
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
						connection.commit();
						batches.set(written.get() > 0 ? 1 : 0);
						status = ImportRun.Status.COMPLETED;
					}
				}
				else {
					connection.commit();
					status = ImportRun.Status.COMPLETED;
				}
				report(true);
				audited();
				runs.finish(runId, status, null, null, clock.instant());
			}
			catch (FileProblem problem) {
				background.stop();
				finishAfterProblem(ImportRun.Status.REFUSED, problem.key(), problem.arguments());
			}
			catch (SQLException | IOException | RuntimeException ex) {
				background.stop();
				log.error("Import {} failed", runId, ex);
				// the fault's own text is for the log, not for the user
				finishAfterProblem(ImportRun.Status.FAILED, "exchange.problem.failed",
						new Object[] { String.valueOf(runId) });
			}
		}

		private void finishAfterProblem(ImportRun.Status status, String key, Object[] arguments) {
			if (request.mode() == ImportMode.ALL_OR_NOTHING) {
				written.set(0);
			}
			savePending();
			report(true);
			audited();
			runs.finish(runId, status, key, arguments, clock.instant());
		}

		private void audited() {
			if (written.get() > 0 && request.register().personal()) {
				transactions.executeWithoutResult(t -> audit.recorded(request.actor(), AuditAction.IMPORT, "import",
						runId, request.actor().scope().pathPrefix(),
						request.register().fileName() + ": " + written.get() + " rows from " + request.fileName()));
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
					synchronized (pending) {
						pending.addAll(refused);
					}
					if (request.mode() == ImportMode.ALL_OR_NOTHING) {
						connection.rollback();
						written.set(0);
						writing = false;
					}
				}
			}
			if (request.mode() == ImportMode.VALID_ROWS) {
				connection.commit();
				batches.incrementAndGet();
			}
		}

		private void savePending() {
			synchronized (pending) {
				if (!pending.isEmpty()) {
					runs.reject(runId, pending);
					pending.clear();
				}
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
			runs.progress(runId, bytes, rowsRead, rejectedNow, written.get(), batches.get());
			if (progress != null) {
				progress.update(bytes, fileBytes, rowsRead, rejectedNow, written.get());
			}
		}

	}

	/** Work on the import's connection, done in order on a thread of its own. */
	private interface ConnectionWork {

		void run() throws SQLException;

	}

	/**
	 * The writer thread of one import. Work is done in the order given; the first failure
	 * stops the rest and is thrown to the import at {@link #finish()}.
	 */
	private static final class Background {

		private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "import-writer");
			t.setDaemon(true);
			return t;
		});

		private final Semaphore waiting = new Semaphore(2);

		private volatile SQLException failure;

		private volatile RuntimeException crash;

		void submit(ConnectionWork work) throws SQLException {
			rethrow();
			waiting.acquireUninterruptibly();
			thread.execute(() -> {
				try {
					if (failure == null && crash == null) {
						work.run();
					}
				}
				catch (SQLException ex) {
					failure = ex;
				}
				catch (RuntimeException ex) {
					crash = ex;
				}
				finally {
					waiting.release();
				}
			});
		}

		void finish() throws SQLException {
			thread.shutdown();
			try {
				if (!thread.awaitTermination(1, TimeUnit.DAYS)) {
					throw new SQLException("The import's writer did not finish");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("Interrupted while writing", ex);
			}
			rethrow();
		}

		void stop() {
			thread.shutdownNow();
			try {
				thread.awaitTermination(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void rethrow() throws SQLException {
			if (failure != null) {
				throw failure;
			}
			if (crash != null) {
				throw crash;
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
