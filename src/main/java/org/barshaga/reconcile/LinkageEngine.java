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

	private static final int EM_ITERATIONS = 40;

	/**
	 * Below this many candidate pairs (or random pairs) the data cannot estimate m (or u)
	 * and the starting values from practice are used: a district's own small batch, or a
	 * test.
	 */
	static final int FEW_PAIRS = 1000;

	/**
	 * The share of health records found in the enrolment extract in full national runs.
	 */
	private static final double EXPECTED_FOUND = 0.85;

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
		return link(records, alone, pupils, decisions, progress);
	}

	/**
	 * @param clusterOf for each record, the number of its cluster: records that name the
	 * same child, found in one register, which go to one pupil together
	 * @param decisions keyed by {@link RegisterRecord#key()}
	 */
	Outcome link(List<RegisterRecord> records, int[] clusterOf, PupilSource pupils,
			Map<String, Map<String, Boolean>> decisions, LongConsumer progress) {
		Run run = new Run(records, clusterOf, decisions);
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

		final int[] clusterOf;

		Run(List<RegisterRecord> records, int[] clusterOf, Map<String, Map<String, Boolean>> decisions) {
			this.records = records;
			this.clusterOf = clusterOf;
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
			long pupils = 0;
			long randomPairs = 0;
			long[][] randomCounts = new long[Field.ALL.length][];
			for (Field f : Field.ALL) {
				randomCounts[f.ordinal()] = new long[f.levelCount()];
			}
			Map<String, int[]> surnames = new HashMap<>();
			Map<String, int[]> givenNames = new HashMap<>();
			long[] sameDayIin = new long[Field.IIN.levelCount()];
			java.util.BitSet days = new java.util.BitSet();
			for (Worker w : team) {
				for (int l = 0; l < sameDayIin.length; l++) {
					sameDayIin[l] += w.sameDayIin[l];
				}
				days.or(w.days);
				pupils += w.pupils;
				randomPairs += w.randomPairs;
				for (Field f : Field.ALL) {
					for (int l = 0; l < f.levelCount(); l++) {
						randomCounts[f.ordinal()][l] += w.randomCounts[f.ordinal()][l];
					}
				}
				w.surnames.forEach((k, v) -> surnames.computeIfAbsent(k, x -> new int[1])[0] += v[0]);
				w.givenNames.forEach((k, v) -> givenNames.computeIfAbsent(k, x -> new int[1])[0] += v[0]);
			}
			Map<RecordSource, List<Candidate>> bySource = new java.util.EnumMap<>(RecordSource.class);
			Map<RecordSource, Integer> sizes = new java.util.EnumMap<>(RecordSource.class);
			for (RegisterRecord r : records) {
				sizes.merge(r.source(), 1, Integer::sum);
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
			Map<RecordSource, Model> models = new java.util.EnumMap<>(RecordSource.class);
			List<Candidate> all = new ArrayList<>();
			for (Map.Entry<RecordSource, List<Candidate>> entry : bySource.entrySet()) {
				RecordSource source = entry.getKey();
				List<Candidate> candidates = entry.getValue();
				int size = sizes.get(source);
				double[][] u = randomPairs >= FEW_PAIRS ? Weights.chance(randomCounts, sameDayIin, pupils,
						Math.max(1, days.cardinality()), mistyped(source)) : Weights.provisionalU(pupils);
				Map<Integer, long[]> patterns = new HashMap<>();
				for (Candidate c : candidates) {
					patterns.computeIfAbsent(c.vector, k -> new long[1])[0]++;
				}
				double[][] m = Weights.provisionalM();
				double share;
				double expectedMatches;
				if (candidates.size() >= FEW_PAIRS) {
					share = Weights.expectationMaximisation(patterns, m, EM_ITERATIONS);
					expectedMatches = share * candidates.size();
				}
				else {
					// too few pairs to fit: the starting values stand, and most records
					// are
					// expected to be found, as in every full run so far
					expectedMatches = EXPECTED_FOUND * Math.min(size, pupils);
					share = candidates.isEmpty() ? 0 : Math.min(1, expectedMatches / candidates.size());
				}
				double pairs = (double) pupils * Math.max(1, size);
				double priorBits = Weights.log2(Math.max(expectedMatches, 1) / Math.max(pairs - expectedMatches, 1));
				double[][] weights = Weights.of(m, u);
				for (Candidate c : candidates) {
					c.weight = Weights.sum(weights, c.vector) + frequencyAdjustment(c, u, surnames, givenNames, pupils);
					c.probability = 1 / (1 + Math.pow(2, -(c.weight + priorBits)));
				}
				for (Candidate c : confirmed) {
					if (records.get(c.record).source() == source) {
						c.weight = Weights.sum(weights, c.vector)
								+ frequencyAdjustment(c, u, surnames, givenNames, pupils);
						c.probability = 1;
					}
				}
				all.addAll(candidates);
				models.put(source, new Model(m, u, share, pupils, candidates.size(), randomPairs));
			}
			all.addAll(confirmed);
			List<Link> result = new Assignment(records, clusterOf, settings).assign(all);
			Model main = models.containsKey(RecordSource.HEALTH) ? models.get(RecordSource.HEALTH) : models.values()
				.stream()
				.findFirst()
				.orElse(new Model(Weights.provisionalM(), Weights.provisionalU(pupils), 0, pupils, 0, randomPairs));
			return new Outcome(result, main, models);
		}

		/** The share of a register's twelve-digit IINs that fail the check digit. */
		private double mistyped(RecordSource source) {
			int present = 0;
			int failing = 0;
			for (int i = 0; i < health.length; i++) {
				Prepared p = health[i];
				if (records.get(i).source() == source && p.iin != null && p.iin.length() == 12) {
					present++;
					if (!p.iinValid) {
						failing++;
					}
				}
			}
			return present == 0 ? 0 : (double) failing / present;
		}

		/**
		 * Exact agreement on a rare name says more than on a common one: the chance
		 * agreement of the exact level is replaced by the name's own frequency among the
		 * pupils.
		 */
		private double frequencyAdjustment(Candidate c, double[][] u, Map<String, int[]> surnames,
				Map<String, int[]> givenNames, long pupils) {
			double adjustment = 0;
			if (Field.SURNAME.of(c.vector) == Field.SURNAME.top()) {
				adjustment += Weights.frequency(surnames.get(c.prepared.surnameStem), pupils,
						u[Field.SURNAME.ordinal()][Field.SURNAME.top()]);
			}
			if (Field.GIVEN_NAME.of(c.vector) == Field.GIVEN_NAME.top()) {
				adjustment += Weights.frequency(givenNames.get(c.prepared.given), pupils,
						u[Field.GIVEN_NAME.ordinal()][Field.GIVEN_NAME.top()]);
			}
			return adjustment;
		}

	}

}
