package org.barshaga.exchange;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The writer thread of one import. Work is done in the order given; the first failure
 * stops the rest and is thrown to the import at {@link #finish()}.
 */
final class ImportWriter {

	/** Work on the import's connection, done in order on the writer's thread. */
	interface ConnectionWork {

		void run() throws SQLException;

	}

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

	/**
	 * Lets the work under way end without interrupting it: an interrupt during file I/O
	 * makes the embedded database close its file.
	 */
	void drain() {
		thread.shutdown();
		try {
			thread.awaitTermination(1, TimeUnit.HOURS);
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
