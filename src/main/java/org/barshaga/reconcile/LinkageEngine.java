package org.barshaga.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.barshaga.kernel.Iin;

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
 */
final class LinkageEngine {

	/** Candidates whose provisional weight is below this are not worth keeping. */
	private static final double KEEP_FROM = 4;

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
		Run run = new Run(records, clustering, decisions);
		int workers = Math.max(1, Math.min(settings.threads(), Runtime.getRuntime().availableProcessors()));
		BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(workers * 4);
		List<Run.Worker> team = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
			Thread thread = new Thread(task, "linkage");
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			Run.Worker worker = run.new Worker();
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
	private record Batch(long first, Pupil[] pupils) {
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

	private final class Run {

		final List<RegisterRecord> records;

		final Prepared[] health;

		final LongIndex index;

		final Candidate[][] best;

		final Map<String, Map<String, Boolean>> decisions;

		final double[][] provisional;

		final Object[] locks = new Object[64];

		/** Pairs a reviewer confirmed, kept apart from the ranked candidates. */
		final List<Candidate> confirmed = new ArrayList<>();

		final Function<Map<RecordSource, Model>, int[]> clustering;

		Run(List<RegisterRecord> records, Function<Map<RecordSource, Model>, int[]> clustering,
				Map<String, Map<String, Boolean>> decisions) {
			this.records = records;
			this.clustering = clustering;
			this.decisions = decisions;
			int n = records.size();
			health = new Prepared[n];
			best = new Candidate[n][];
			index = new LongIndex(n * 12);
			for (int i = 0; i < locks.length; i++) {
				locks[i] = new Object();
			}
			provisional = Weights.provisional();
			for (int i = 0; i < n; i++) {
				RegisterRecord r = records.get(i);
				Prepared p = new Prepared(r.iin(), r.surname(), r.givenName(), r.patronymic(), r.birthDate(), r.sex(),
						r.path());
				health[i] = p;
				BlockingKeys.index(index, i, p, decisions.get(r.key()));
			}
		}

		/**
		 * One of the threads that compare pupils with records. Frequencies and random
		 * pairs are counted per worker and summed at the end; a pupil's random partner
		 * follows from its number in the stream, so the result does not depend on which
		 * worker saw which pupil.
		 */
		final class Worker {

			final int[] seenAt = new int[health.length];

			final Map<String, int[]> surnames = new HashMap<>();

			final Map<String, int[]> givenNames = new HashMap<>();

			final long[][] randomCounts = new long[Field.ALL.length][];

			/** IIN levels of random pairs born on the same day. */
			final long[] sameDayIin = new long[Field.IIN.levelCount()];

			final java.util.BitSet days = new java.util.BitSet();

			long pupils;

			long randomPairs;

			Worker() {
				Arrays.fill(seenAt, -1);
				for (Field f : Field.ALL) {
					randomCounts[f.ordinal()] = new long[f.levelCount()];
				}
			}

			void drain(BlockingQueue<Batch> queue) {
				try {
					while (true) {
						Batch batch = queue.take();
						if (batch.first() < 0) {
							return;
						}
						for (int i = 0; i < batch.pupils().length; i++) {
							consider(batch.first() + i, batch.pupils()[i]);
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			void consider(long position, Pupil pupil) {
				pupils++;
				int number = (int) position;
				Prepared p = new Prepared(pupil.iin(), pupil.surname(), pupil.givenName(), pupil.patronymic(),
						pupil.birthDate(), pupil.sex(), pupil.path());
				surnames.computeIfAbsent(p.surnameStem, k -> new int[1])[0]++;
				givenNames.computeIfAbsent(p.given, k -> new int[1])[0]++;
				BlockingKeys.probe(index, p, h -> compare(number, h, pupil, p));
				days.set(p.day + 30000);
				if (position % settings.sampleEvery() == 0 && health.length > 0) {
					SplittableRandom draws = new SplittableRandom(settings.seed() ^ (position * 0x9E3779B97F4A7C15L));
					int vector = Agreement.vector(health[(int) Math.floorMod(draws.nextLong(), (long) health.length)],
							p, false);
					for (Field f : Field.ALL) {
						randomCounts[f.ordinal()][f.of(vector)]++;
					}
					randomPairs++;
					// and a record born the same day, drawn evenly among them
					int[] chosen = { -1 };
					int[] seen = { 0 };
					index.forEach(BlockingKeys.sameDayKey(p.day), h -> {
						if (draws.nextInt(++seen[0]) == 0) {
							chosen[0] = h;
						}
					});
					if (chosen[0] >= 0 && !p.iin.equals(health[chosen[0]].iin)) {
						sameDayIin[Agreement.iinLevel(health[chosen[0]].iin, p.iin)]++;
					}
				}
			}

			private void compare(int number, int h, Pupil pupil, Prepared p) {
				if (seenAt[h] == number) {
					return;
				}
				seenAt[h] = number;
				Prepared r = health[h];
				int straight = Agreement.vector(r, p, false);
				double weight = Weights.sum(provisional, straight);
				boolean useSwapped = false;
				int swapped = straight;
				if (Field.SURNAME.of(straight) < Field.SURNAME.top()
						|| Field.GIVEN_NAME.of(straight) < Field.GIVEN_NAME.top()) {
					swapped = Agreement.vector(r, p, true);
					double w = Weights.sum(provisional, swapped);
					if (w > weight) {
						weight = w;
						useSwapped = true;
					}
				}
				Boolean decided = null;
				if (!decisions.isEmpty()) {
					Map<String, Boolean> decidedForRecord = decisions.get(records.get(h).key());
					decided = decidedForRecord == null ? null : decidedForRecord.get(pupil.iin());
				}
				if (Boolean.FALSE.equals(decided) || (weight < KEEP_FROM && decided == null)) {
					return;
				}
				Candidate c = new Candidate(h, pupil, p, useSwapped ? swapped : straight, useSwapped, weight);
				synchronized (locks[h & (locks.length - 1)]) {
					if (decided != null) {
						// a reviewer's confirmation holds whatever its weight and rank
						c.decided = true;
						confirmed.add(c);
					}
					else {
						offer(h, c);
					}
				}
			}

		}

		/**
		 * Keeps the record's best candidates, ordered by weight and then by IIN, so that
		 * the list is the same whatever order the pupils arrive in.
		 */
		private void offer(int h, Candidate c) {
			Candidate[] list = best[h];
			if (list == null) {
				list = new Candidate[settings.candidatesPerRecord()];
				best[h] = list;
			}
			int at = list.length;
			while (at > 0 && (list[at - 1] == null || ranksBefore(c, list[at - 1]))) {
				at--;
			}
			if (at == list.length) {
				return;
			}
			System.arraycopy(list, at, list, at + 1, list.length - at - 1);
			list[at] = c;
		}

		private static boolean ranksBefore(Candidate a, Candidate b) {
			return a.weight > b.weight || (a.weight == b.weight && a.pupil.iin().compareTo(b.pupil.iin()) < 0);
		}

		Outcome finish(List<Worker> team) {
			ModelFit.Counts counts = new ModelFit.Counts();
			for (Worker w : team) {
				counts.add(w.pupils, w.randomPairs, w.randomCounts, w.sameDayIin, w.days, w.surnames, w.givenNames);
			}
			Map<RecordSource, List<Candidate>> bySource = new java.util.EnumMap<>(RecordSource.class);
			for (RegisterRecord r : records) {
				bySource.computeIfAbsent(r.source(), s -> new ArrayList<>());
			}
			for (Candidate[] list : best) {
				if (list != null) {
					for (Candidate c : list) {
						if (c != null) {
							bySource.get(records.get(c.record).source()).add(c);
						}
					}
				}
			}
			// the confirmed pairs in a fixed order, whichever worker met them
			confirmed.sort(Comparator.comparingInt((Candidate c) -> c.record).thenComparing(c -> c.pupil.iin()));
			Map<RecordSource, Model> models = new ModelFit(records, health, counts).weigh(bySource, confirmed);
			List<Candidate> all = new ArrayList<>();
			bySource.values().forEach(all::addAll);
			all.addAll(confirmed);
			List<Link> result = new Assignment(records, clustering.apply(models), settings).assign(all);
			Model main = models.containsKey(RecordSource.HEALTH) ? models.get(RecordSource.HEALTH)
					: models.values()
						.stream()
						.findFirst()
						.orElse(new Model(Weights.provisionalM(), Weights.provisionalU(counts.pupils), 0, counts.pupils,
								0, counts.randomPairs));
			return new Outcome(result, main, models);
		}

	}

}
