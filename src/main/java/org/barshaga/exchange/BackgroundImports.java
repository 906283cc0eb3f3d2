package org.barshaga.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Imports of files received by the server (an upload of the exchange page, the body of an
 * API call): the run is recorded at once and the file is imported on a thread of this
 * pool, so that a file of millions of rows does not hold a request open. The saved file
 * is deleted when its import is over, or at once when the import is refused.
 */
@Service
class BackgroundImports {

	private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

	private final Importer importer;

	private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "import");
		thread.setDaemon(true);
		return thread;
	});

	BackgroundImports(Importer importer) {
		this.importer = importer;
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/**
	 * Records the run and starts it; answers its id.
	 * @throws ImportRunning when an import of the same register runs in an overlapping
	 * scope (the file is deleted, nothing is recorded)
	 */
	long start(ImportRequest request) throws IOException {
		long runId;
		try {
			runId = importer.begin(request);
		}
		catch (RuntimeException | IOException refused) {
			delete(request.file());
			throw refused;
		}
		try {
			workers.execute(() -> run(runId, request));
		}
		catch (RejectedExecutionException stopping) {
			importer.abandon(runId);
			delete(request.file());
			throw stopping;
		}
		return runId;
	}

	private void run(long runId, ImportRequest request) {
		try {
			importer.execute(runId, request, null);
		}
		catch (RuntimeException ex) {
			log.error("Import {} stopped", runId, ex);
		}
		finally {
			delete(request.file());
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the received file {}", file, ex);
		}
	}

}
