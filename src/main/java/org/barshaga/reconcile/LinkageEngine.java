package org.barshaga.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
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
	 * A second pupil whose weight is within this many bits of the best one (a likelihood
	 * ratio of 32) makes the record's link a matter for review.
	 */
	private static final double RIVAL_BITS = 5;

	/**
	 * The share of health records found in the enrolment extract in full national runs.
	 */
	private static final double EXPECTED_FOUND = 0.85;

	/** Pupils handed to a worker at a time; numbered by their place in the stream. */
	private static final int BATCH = 4096;

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private final LinkageSettings settings;

	LinkageEngine(LinkageSettings settings) {
		this.settings = settings;
	}

	/** What a run needs to tell besides the links. */
	record Model(double[][] m, double[][] u, double matchShare, long pupils, long candidatePairs, long randomPairs) {
	}

	record Outcome(List<Link> links, Model model) {
	}

	/**
	 * @param decisions reviewers' earlier decisions: record id, then pupil IIN, then true
	 * for a confirmed and false for a rejected pair
	 * @param progress called with the number of pupils read so far, now and then
	 */
	Outcome link(List<HealthRecord> records, PupilSource pupils, Map<String, Map<String, Boolean>> decisions,
			LongConsumer progress) {
		Run run = new Run(records, decisions);
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

	/** A name, date and place in the forms the comparisons use. */
	static final class Prepared {

		final String iin;

		final boolean iinValid;

		final String surname;

		final String surnameStem;

		final String given;

		final String patronymic;

		final int day;

		final int swappedDay;

		final int year;

		final int monthDay;

		final int sex;

		final String region;

		final String district;

		Prepared(String iin, String surname, String given, String patronymic, LocalDate birth,
				org.barshaga.kernel.Sex sex, String path) {
			this.iin = iin == null || iin.isBlank() ? null : iin.trim();
			this.iinValid = this.iin != null && Iin.isValid(this.iin);
			this.surname = NameForms.canonical(surname);
			this.surnameStem = NameForms.surnameStem(this.surname);
			this.given = NameForms.canonical(given);
			this.patronymic = NameForms.patronymicStem(NameForms.canonical(patronymic));
			this.day = (int) birth.toEpochDay();
			int d = birth.getDayOfMonth();
			int mo = birth.getMonthValue();
			this.swappedDay = d <= 12 && d != mo ? (int) LocalDate.of(birth.getYear(), d, mo).toEpochDay() : -1;
			this.year = birth.getYear();
			this.monthDay = mo * 100 + d;
			this.sex = sex == null ? 0 : sex.ordinal() + 1;
			this.region = segment(path, 2);
			this.district = segment(path, 3);
		}

		int year() {
			return year;
		}

		/** The n-th part of a path such as /KZ/KZ-61/KZ-61-D08/, counting from 1. */
		private static String segment(String path, int n) {
			int from = 0;
			for (int i = 0; i < n; i++) {
				from = path.indexOf('/', from) + 1;
				if (from == 0) {
					return null;
				}
			}
			int to = path.indexOf('/', from);
			return to < 0 || to == from ? null : path.substring(from, to);
		}

	}

	private static final class Candidate {

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

		final List<HealthRecord> records;

		final Prepared[] health;

		final LongIndex index;

		final Candidate[][] best;

		final Map<String, Map<String, Boolean>> decisions;

		final double[][] provisional;

		final Object[] locks = new Object[64];

		/** Pairs a reviewer confirmed, kept apart from the ranked candidates. */
		final List<Candidate> confirmed = new ArrayList<>();

		Run(List<HealthRecord> records, Map<String, Map<String, Boolean>> decisions) {
			this.records = records;
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
				HealthRecord r = records.get(i);
				Prepared p = new Prepared(r.iin(), r.surname(), r.givenName(), r.patronymic(), r.birthDate(), r.sex(),
						r.path());
				health[i] = p;
				indexRecord(i, p, decisions.get(r.recordId()));
			}
		}

		private void indexRecord(int i, Prepared p, Map<String, Boolean> decided) {
			int s = NameForms.soundKey(p.surnameStem);
			int g = NameForms.soundKey(p.given);
			for (int day : new int[] { p.day, p.swappedDay }) {
				if (day == -1) {
					continue;
				}
				if (s != 0) {
					index.add(dayKey(day, s), i);
				}
				if (g != 0) {
					index.add(dayKey(day, g), i);
				}
			}
			index.add(sameDayKey(p.day), i);
			if (s != 0 && g != 0) {
				index.add(monthKey(p.year, p.monthDay / 100, s, g), i);
				index.add(monthKey(p.year, p.monthDay / 100, NameForms.soundKey(NameForms.surnameStem(p.given)),
						NameForms.soundKey(p.surname)), i);
			}
			int year = p.year();
			int patronymic = nameHash(p.patronymic);
			int surname = s;
			int given = g;
			// with the names swapped, the given name holds the surname and is stemmed as
			// one
			int surnameInGiven = NameForms.soundKey(NameForms.surnameStem(p.given));
			int givenInSurname = NameForms.soundKey(p.surname);
			for (int y = year - 1; y <= year + 1; y++) {
				index.add(nameKey(y, surname, given, patronymic), i);
				index.add(nameKey(y, surnameInGiven, givenInSurname, patronymic), i);
			}
			if (p.iin != null && p.iin.length() == 12 && p.iin.chars().allMatch(Character::isDigit)) {
				index.add(iinKey(p.iin), i);
				if (!p.iinValid) {
					for (String corrected : Iin.corrections(p.iin)) {
						index.add(iinKey(corrected), i);
					}
				}
			}
			if (decided != null) {
				for (Map.Entry<String, Boolean> d : decided.entrySet()) {
					if (d.getValue() && Iin.isValid(d.getKey())) {
						index.add(iinKey(d.getKey()), i);
					}
				}
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
				int s = NameForms.soundKey(p.surnameStem);
				int g = NameForms.soundKey(p.given);
				if (s != 0) {
					index.forEach(dayKey(p.day, s), h -> compare(number, h, pupil, p));
				}
				if (g != 0 && g != s) {
					index.forEach(dayKey(p.day, g), h -> compare(number, h, pupil, p));
				}
				index.forEach(nameKey(p.year(), s, g, nameHash(p.patronymic)), h -> compare(number, h, pupil, p));
				if (!p.patronymic.isEmpty()) {
					index.forEach(nameKey(p.year(), s, g, nameHash("")), h -> compare(number, h, pupil, p));
				}
				if (s != 0 && g != 0) {
					index.forEach(monthKey(p.year, p.monthDay / 100, s, g), h -> compare(number, h, pupil, p));
				}
				if (p.iinValid) {
					index.forEach(iinKey(p.iin), h -> compare(number, h, pupil, p));
				}
				days.set(p.day + 30000);
				if (position % settings.sampleEvery() == 0 && health.length > 0) {
					SplittableRandom draws = new SplittableRandom(settings.seed() ^ (position * 0x9E3779B97F4A7C15L));
					int vector = vector(health[(int) Math.floorMod(draws.nextLong(), (long) health.length)], p, false);
					for (Field f : Field.ALL) {
						randomCounts[f.ordinal()][f.of(vector)]++;
					}
					randomPairs++;
					// and a record born the same day, drawn evenly among them
					int[] chosen = { -1 };
					int[] seen = { 0 };
					index.forEach(sameDayKey(p.day), h -> {
						if (draws.nextInt(++seen[0]) == 0) {
							chosen[0] = h;
						}
					});
					if (chosen[0] >= 0 && !p.iin.equals(health[chosen[0]].iin)) {
						sameDayIin[iinLevel(health[chosen[0]].iin, p.iin)]++;
					}
				}
			}

			private void compare(int number, int h, Pupil pupil, Prepared p) {
				if (seenAt[h] == number) {
					return;
				}
				seenAt[h] = number;
				Prepared r = health[h];
				int straight = vector(r, p, false);
				double weight = Weights.sum(provisional, straight);
				boolean useSwapped = false;
				int swapped = straight;
				if (Field.SURNAME.of(straight) < Field.SURNAME.top()
						|| Field.GIVEN_NAME.of(straight) < Field.GIVEN_NAME.top()) {
					swapped = vector(r, p, true);
					double w = Weights.sum(provisional, swapped);
					if (w > weight) {
						weight = w;
						useSwapped = true;
					}
				}
				Boolean decided = null;
				if (!decisions.isEmpty()) {
					Map<String, Boolean> decidedForRecord = decisions.get(records.get(h).recordId());
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
			double[][] u = randomPairs >= FEW_PAIRS
					? Weights.chance(randomCounts, sameDayIin, pupils, Math.max(1, days.cardinality()), mistyped())
					: Weights.provisionalU(pupils);
			List<Candidate> all = new ArrayList<>();
			for (Candidate[] list : best) {
				if (list != null) {
					for (Candidate c : list) {
						if (c != null) {
							all.add(c);
						}
					}
				}
			}
			// the confirmed pairs in a fixed order, whichever worker met them
			confirmed.sort(Comparator.comparingInt((Candidate c) -> c.record).thenComparing(c -> c.pupil.iin()));
			Map<Integer, long[]> patterns = new HashMap<>();
			for (Candidate c : all) {
				patterns.computeIfAbsent(c.vector, k -> new long[1])[0]++;
			}
			double[][] m = Weights.provisionalM();
			double share;
			double expectedMatches;
			if (all.size() >= FEW_PAIRS) {
				share = Weights.expectationMaximisation(patterns, m, EM_ITERATIONS);
				expectedMatches = share * all.size();
			}
			else {
				// too few pairs to fit: the starting values stand, and most records are
				// expected to be found, as in every full run so far
				expectedMatches = EXPECTED_FOUND * Math.min(health.length, pupils);
				share = all.isEmpty() ? 0 : Math.min(1, expectedMatches / all.size());
			}
			double pairs = (double) pupils * Math.max(1, health.length);
			double priorBits = Weights.log2(Math.max(expectedMatches, 1) / Math.max(pairs - expectedMatches, 1));
			double[][] weights = Weights.of(m, u);
			for (Candidate c : all) {
				c.weight = Weights.sum(weights, c.vector) + frequencyAdjustment(c, u, surnames, givenNames, pupils);
				c.probability = 1 / (1 + Math.pow(2, -(c.weight + priorBits)));
			}
			for (Candidate c : confirmed) {
				c.weight = Weights.sum(weights, c.vector) + frequencyAdjustment(c, u, surnames, givenNames, pupils);
				c.probability = 1;
			}
			all.addAll(confirmed);
			all.sort(Comparator.comparingDouble((Candidate c) -> -c.probability)
				.thenComparingDouble(c -> -c.weight)
				.thenComparing(c -> records.get(c.record).recordId())
				.thenComparing(c -> c.pupil.iin()));
			Link[] links = new Link[health.length];
			Set<String> taken = new HashSet<>();
			Map<Integer, List<Candidate>> byRecord = new HashMap<>();
			for (Candidate c : all) {
				byRecord.computeIfAbsent(c.record, k -> new ArrayList<>()).add(c);
			}
			for (Candidate c : all) {
				if (links[c.record] != null || c.probability < settings.reviewAbove()
						|| taken.contains(c.pupil.iin())) {
					continue;
				}
				taken.add(c.pupil.iin());
				boolean sure = c.probability >= settings.matchAbove()
						&& (c.decided || !rivalled(c, byRecord.get(c.record), taken));
				Link.Verdict verdict = sure ? Link.Verdict.MATCH : Link.Verdict.REVIEW;
				links[c.record] = new Link(records.get(c.record), c.pupil, verdict, c.probability, c.weight, c.vector,
						c.swapped, c.decided);
			}
			List<Link> result = new ArrayList<>(health.length);
			for (int i = 0; i < health.length; i++) {
				result.add(links[i] != null ? links[i]
						: new Link(records.get(i), null, Link.Verdict.NONE, 0, 0, 0, false, false));
			}
			return new Outcome(result, new Model(m, u, share, pupils, all.size(), randomPairs));
		}

		/** The share of the records' twelve-digit IINs that fail the check digit. */
		private double mistyped() {
			int present = 0;
			int failing = 0;
			for (Prepared p : health) {
				if (p.iin != null && p.iin.length() == 12) {
					present++;
					if (!p.iinValid) {
						failing++;
					}
				}
			}
			return present == 0 ? 0 : (double) failing / present;
		}

		/**
		 * Whether another pupil, not yet taken by a likelier pair, fits the record almost
		 * as well: two namesakes born on the same day, when the record has no IIN and no
		 * patronymic to tell them apart. Then a reviewer decides, not the ranking.
		 */
		private boolean rivalled(Candidate chosen, List<Candidate> others, Set<String> taken) {
			for (Candidate other : others) {
				if (other != chosen && !taken.contains(other.pupil.iin())
						&& other.weight >= chosen.weight - RIVAL_BITS) {
					return true;
				}
			}
			return false;
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

	/** The agreement levels of a record and a pupil, names taken straight or swapped. */
	static int vector(Prepared r, Prepared p, boolean swapNames) {
		int v = 0;
		v = Field.IIN.with(v, iinLevel(r.iin, p.iin));
		String rSurname = swapNames ? r.given : r.surname;
		String rSurnameStem = swapNames ? NameForms.surnameStem(r.given) : r.surnameStem;
		String rGiven = swapNames ? r.surname : r.given;
		v = Field.SURNAME.with(v, nameLevel(rSurname, rSurnameStem, p.surname, p.surnameStem));
		v = Field.GIVEN_NAME.with(v, nameLevel(rGiven, rGiven, p.given, p.given));
		v = Field.PATRONYMIC.with(v, patronymicLevel(r.patronymic, p.patronymic));
		v = Field.BIRTH_DATE.with(v, birthLevel(r, p));
		v = Field.SEX.with(v, r.sex == 0 || p.sex == 0 ? 0 : r.sex == p.sex ? 2 : 1);
		int place = 0;
		if (r.region != null && p.region != null) {
			place = !r.region.equals(p.region) ? 1 : r.district != null && r.district.equals(p.district) ? 3 : 2;
		}
		v = Field.PLACE.with(v, place);
		return v;
	}

	static int iinLevel(String a, String b) {
		if (a == null || b == null) {
			return 0;
		}
		if (a.equals(b)) {
			return 3;
		}
		return oneEdit(a, b) ? 2 : 1;
	}

	/** One digit replaced, or two neighbouring digits swapped. */
	static boolean oneEdit(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		int count = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (count++ == 0) {
					first = i;
				}
				if (count > 2) {
					return false;
				}
			}
		}
		if (count == 1) {
			return true;
		}
		return count == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first) && a.charAt(first + 1) != b.charAt(first + 1);
	}

	static int nameLevel(String a, String aStem, String b, String bStem) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b) || aStem.equals(bStem)) {
			return 4;
		}
		double similarity = JARO_WINKLER.apply(aStem, bStem);
		return similarity >= 0.94 ? 3 : similarity >= 0.88 ? 2 : 1;
	}

	static int patronymicLevel(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b)) {
			return 3;
		}
		return JARO_WINKLER.apply(a, b) >= 0.9 ? 2 : 1;
	}

	static int birthLevel(Prepared r, Prepared p) {
		if (r.day == p.day) {
			return 4;
		}
		if (r.swappedDay == p.day) {
			return 3;
		}
		if (Math.abs(r.day - p.day) <= 31) {
			return 2;
		}
		return r.monthDay == p.monthDay && Math.abs(r.year - p.year) == 1 ? 2 : 1;
	}

	private static long dayKey(int day, int sound) {
		return (1L << 61) | ((long) (day + 30000) << 20) | sound;
	}

	/**
	 * Both names' sound keys and the patronymic, with the birth year one apart at most:
	 * for a birth date mistyped in a way other than day and month swapped. A record
	 * without a patronymic is found under the pupil's names without one. The patronymic
	 * keeps the blocks small, since a year of birth holds some three hundred thousand
	 * pupils.
	 */
	private static long nameKey(int year, int first, int second, int patronymic) {
		long names = ((long) first * 31 + second) * 31 + patronymic;
		return (2L << 61) | ((long) ((year - 1900) & 0xFF) << 52) | (mix(names) & ((1L << 52) - 1));
	}

	private static int nameHash(String name) {
		return name.hashCode();
	}

	private static long mix(long x) {
		long h = x * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 31);
	}

	/**
	 * Both names' sound keys with the month of birth: for a birth date typed a few days
	 * out together with a typing error in a name, which the keys above would each miss.
	 */
	private static long monthKey(int year, int month, int surname, int given) {
		return (5L << 61) | ((long) (((year - 1900) & 0xFF) * 16 + month) << 40) | ((long) surname << 20) | given;
	}

	private static long sameDayKey(int day) {
		return (4L << 61) | (day + 30000);
	}

	private static long iinKey(String iin) {
		return (3L << 61) | Long.parseLong(iin);
	}

}
