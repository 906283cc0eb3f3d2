package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Links health-registry records to the pupils of the enrolment extract.
 * <p>
 * The health records (a few hundred thousand) are held in memory and indexed by their
 * blocking keys; the pupils (millions) stream past once. Each pupil is compared with the
 * records that share a key with it, and each record keeps its best few candidates. Then
 * the Fellegi-Sunter model is fitted: u, the chance agreement of each field, from random
 * pairs sampled during the stream; m, its agreement among true matches, by
 * expectation-maximisation over the candidate pairs. Exact name agreement is weighed by
 * how common the name is. Last, pairs are assigned one to one from the most probable
 * down, so that twins are not merged into one child.
 * <p>
 * This class feeds the pupils to the workers; what a run holds and decides at the end is
 * {@link LinkageRun}, the comparison of a pupil with the records {@link LinkageWorker}.
 */
final class LinkageEngine {

	/** Candidates whose provisional weight is below this are not worth keeping. */
	static final double KEEP_FROM = 4;

	/**
	 * Below this many candidate pairs (or random pairs) the data cannot estimate m (or u)
	 * and the starting values from practice are used: a district's own small batch, or a
	 * test.
	 */
	static final int FEW_PAIRS = 1000;

	/** Pupils handed to a worker at a time; numbered by their place in the stream. */
	private static final int BATCH = 4096;

	private final LinkageSettings settings;

	LinkageEngine(LinkageSettings settings) {
		this.settings = settings;
	}

	/** What a run needs to tell besides the links. */
	record Model(double[][] m, double[][] u, double matchShare, long pupils, long candidatePairs, long randomPairs) {
	}

	/**
	 * @param model that of the health registry's records, or of the only register linked
	 * @param models the model fitted for each register's records: the registers make
	 * their own kinds of errors
	 */
	record Outcome(List<Link> links, Model model, Map<RecordSource, Model> models) {
	}

	/**
	 * @param decisions reviewers' earlier decisions: record id, then pupil IIN, then true
	 * for a confirmed and false for a rejected pair
	 * @param progress called with the number of pupils read so far, now and then
	 */
	Outcome link(List<RegisterRecord> records, PupilSource pupils, Map<String, Map<String, Boolean>> decisions,
			LongConsumer progress) {
		int[] alone = new int[records.size()];
		Arrays.setAll(alone, i -> i);
		return link(records, models -> alone, pupils, decisions, progress);
	}

	/**
	 * @param clustering given the model fitted for each register, for each record the
	 * number of its cluster: records that name the same child, found in one register,
	 * which go to one pupil together
	 * @param decisions keyed by {@link RegisterRecord#key()}
	 */
	Outcome link(List<RegisterRecord> records, Function<Map<RecordSource, Model>, int[]> clustering, PupilSource pupils,
			Map<String, Map<String, Boolean>> decisions, LongConsumer progress) {
		LinkageRun run = new LinkageRun(records, clustering, decisions, settings);
		int workers = Math.max(1, Math.min(settings.threads(), Runtime.getRuntime().availableProcessors()));
		BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(workers * 4);
		List<LinkageWorker> team = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
			Thread thread = new Thread(task, "linkage");
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			LinkageWorker worker = new LinkageWorker(run, settings);
			team.add(worker);
			running.add(pool.submit(() -> worker.drain(queue)));
		}
		try {
			Pupil[][] batch = { new Pupil[BATCH] };
			int[] filled = { 0 };
			long[] read = { 0 };
			pupils.forEach(pupil -> {
				batch[0][filled[0]++] = pupil;
				if (filled[0] == BATCH) {
					put(queue, new Batch(read[0], batch[0]), running);
					batch[0] = new Pupil[BATCH];
					filled[0] = 0;
					read[0] += BATCH;
					if ((read[0] & 0xFFFF) == 0) {
						progress.accept(read[0]);
					}
				}
			});
			if (filled[0] > 0) {
				put(queue, new Batch(read[0], Arrays.copyOf(batch[0], filled[0])), running);
				read[0] += filled[0];
			}
			for (int i = 0; i < workers; i++) {
				put(queue, new Batch(-1, new Pupil[0]), running);
			}
			for (Future<?> f : running) {
				f.get();
			}
			progress.accept(read[0]);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Linkage interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Linkage failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return run.finish(team);
	}

	/** Pupils with the place of the first in the stream, given as they are read. */
	record Batch(long first, Pupil[] pupils) {
	}

	private static void put(BlockingQueue<Batch> queue, Batch batch, List<Future<?>> running) {
		try {
			while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
				for (Future<?> f : running) {
					if (f.isDone()) {
						throw new IllegalStateException("A linkage worker stopped");
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Linkage interrupted", ex);
		}
	}

	/** A record and a pupil worth weighing, with their agreement and weight. */
	static final class Candidate {

		final int record;

		final Pupil pupil;

		final Prepared prepared;

		final int vector;

		final boolean swapped;

		double weight;

		double probability;

		boolean decided;

		Candidate(int record, Pupil pupil, Prepared prepared, int vector, boolean swapped, double weight) {
			this.record = record;
			this.pupil = pupil;
			this.prepared = prepared;
			this.vector = vector;
			this.swapped = swapped;
			this.weight = weight;
		}

	}

}
