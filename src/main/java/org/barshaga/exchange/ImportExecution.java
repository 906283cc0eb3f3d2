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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.barshaga.audit.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one import while it runs: the file read row by row, the batches handed to
 * the writer thread, the transaction committed or rolled back by the mode, the progress
 * and the run's record. Apart from {@link Importer}, which decides which imports may run,
 * because this is the part that lives only as long as one file.
 */
final class ImportExecution {

	// the importer's logger: the lines of a run are read, and searched for, under its
	// name
	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	private static final int REJECTIONS_PER_WRITE = 1000;

	private static final long PROGRESS_EVERY_MILLIS = 500;

	private final ImportServices services;

	private final ImportRuns runs;

	private final Clock clock;

	private final RegisterHandler handler;

	private final List<Layout> layouts;

	private final long runId;

	private final ImportRequest request;

	private final Importer.Progress progress;

	private final KeptProblems problemsKept;

	/**
	 * Registers of millions of rows, written in larger batches: on PostgreSQL each batch
	 * is one {@code COPY} and one statement, whose cost per batch is then spread thin.
	 */
	private static final Set<Register> BULK = Set.of(Register.ENROLMENT, Register.RESULTS, Register.ATTENDANCE);

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

	ImportExecution(ImportServices services, RegisterHandler handler, List<Layout> layouts, long runId,
			ImportRequest request, Importer.Progress progress) {
		this.services = services;
		this.runs = services.runs();
		this.clock = services.clock();
		this.handler = handler;
		this.layouts = layouts;
		this.runId = runId;
		this.problemsKept = new KeptProblems(runs, runId);
		this.request = request;
		this.progress = progress;
	}

	void go() {
		Instant now = clock.instant();
		Layout layout = handler.layout();
		writing = !request.dryRun();
		try (InputStream input = Files.newInputStream(request.file());
				Connection connection = services.dataSource().getConnection()) {
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
		RowParser parser = RowParser.forHeader(layout, header.fields(), layouts);
		connection.setAutoCommit(false);
		ImportContext context = new ImportContext(request.actor(), now, services.postgres(),
				new References(services.jdbc(), request.actor().scope()),
				HealthSight.of(request.actor(), request.channel(), LocalDate.now(clock)));
		RegisterHandler.RowWriter writer = handler.writer(context);
		int batchSize = BULK.contains(request.register()) ? 20_000 : 2_000;
		ImportRowChecks checks = new ImportRowChecks(layout, parser, writer, now);
		List<Rejection> problems = new ArrayList<>();
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
			Object resolved = checks.check(record, problems);
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
			services.transactions()
				.executeWithoutResult(t -> services.audit()
					.recorded(request.actor(), AuditAction.IMPORT, "import", runId,
							request.actor().scope().pathPrefix(), request.register().fileName() + ": " + committed.get()
									+ " rows from " + request.fileName()));
		}
	}

	/**
	 * Hands the batch to the writer thread, so that parsing the next batch (Java, one
	 * core) overlaps with writing this one (the database, the other core). At most two
	 * batches wait, which bounds the memory.
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
	 * Writes a batch under a savepoint. A row the database refuses despite the checks is
	 * found by writing the rows one by one and is reported; the others are kept.
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

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		String line = newline < 0 ? message : message.substring(0, newline);
		return line.length() > 300 ? line.substring(0, 300) : line;
	}

}
