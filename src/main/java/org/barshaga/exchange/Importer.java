package org.barshaga.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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
 * <p>
 * This class decides which imports may run; one import running is an
 * {@link ImportExecution}, and the checks of its rows are {@link ImportRowChecks}.
 */
@Service
class Importer {

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	/**
	 * Told how far an import has come, for a terminal's progress bar.
	 */
	interface Progress {

		void update(long bytesRead, long fileBytes, long rowsRead, long rowsRejected, long rowsWritten);

	}

	private final Map<Register, RegisterHandler> handlers = new EnumMap<>(Register.class);

	private final ImportRuns runs;

	private final Clock clock;

	private final ImportServices services;

	/** The imports this process runs, by run id; the lock of starting one. */
	private final Map<Long, Active> active = new HashMap<>();

	private record Active(Register register, String scope) {
	}

	Importer(List<RegisterHandler> handlers, DataSource dataSource, JdbcClient jdbc, ImportRuns runs, AuditLog audit,
			TransactionTemplate transactions, Clock clock) throws SQLException {
		handlers.forEach(h -> this.handlers.put(h.layout().register(), h));
		this.runs = runs;
		this.clock = clock;
		boolean postgres;
		try (Connection connection = dataSource.getConnection()) {
			postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		this.services = new ImportServices(dataSource, jdbc, runs, audit, transactions, clock, postgres);
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
		return services.postgres();
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
			new ImportExecution(services, handlers.get(request.register()), layouts(), runId, request, progress).go();
		}
		finally {
			abandon(runId);
		}
		return runs.find(runId, request.actor()).orElseThrow();
	}

}
