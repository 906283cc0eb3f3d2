package org.barshaga.reconcile;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;

import org.barshaga.reconcile.LinkageEngine.Candidate;

/**
 * One of the threads that compare pupils with records. Frequencies and random pairs are
 * counted per worker and summed at the end; a pupil's random partner follows from its
 * number in the stream, so the result does not depend on which worker saw which pupil.
 */
final class LinkageWorker {

	private final LinkageRun run;

	private final LinkageSettings settings;

	/** The number of the pupil that last met each record, so a pair is weighed once. */
	final int[] seenAt;

	final Map<String, int[]> surnames = new HashMap<>();

	final Map<String, int[]> givenNames = new HashMap<>();

	final long[][] randomCounts = new long[Field.ALL.length][];

	/** IIN levels of random pairs born on the same day. */
	final long[] sameDayIin = new long[Field.IIN.levelCount()];

	final BitSet days = new BitSet();

	long pupils;

	long randomPairs;

	LinkageWorker(LinkageRun run, LinkageSettings settings) {
		this.run = run;
		this.settings = settings;
		this.seenAt = new int[run.health.length];
		Arrays.fill(seenAt, -1);
		for (Field f : Field.ALL) {
			randomCounts[f.ordinal()] = new long[f.levelCount()];
		}
	}

	void drain(BlockingQueue<LinkageEngine.Batch> queue) {
		try {
			while (true) {
				LinkageEngine.Batch batch = queue.take();
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
		BlockingKeys.probe(run.index, p, h -> compare(number, h, pupil, p));
		days.set(p.day + 30000);
		if (position % settings.sampleEvery() == 0 && run.health.length > 0) {
			SplittableRandom draws = new SplittableRandom(settings.seed() ^ (position * 0x9E3779B97F4A7C15L));
			int vector = Agreement.vector(run.health[(int) Math.floorMod(draws.nextLong(), (long) run.health.length)],
					p, false);
			for (Field f : Field.ALL) {
				randomCounts[f.ordinal()][f.of(vector)]++;
			}
			randomPairs++;
			// and a record born the same day, drawn evenly among them
			int[] chosen = { -1 };
			int[] seen = { 0 };
			run.index.forEach(BlockingKeys.sameDayKey(p.day), h -> {
				if (draws.nextInt(++seen[0]) == 0) {
					chosen[0] = h;
				}
			});
			if (chosen[0] >= 0 && !p.iin.equals(run.health[chosen[0]].iin)) {
				sameDayIin[Agreement.iinLevel(run.health[chosen[0]].iin, p.iin)]++;
			}
		}
	}

	private void compare(int number, int h, Pupil pupil, Prepared p) {
		if (seenAt[h] == number) {
			return;
		}
		seenAt[h] = number;
		Prepared r = run.health[h];
		int straight = Agreement.vector(r, p, false);
		double weight = Weights.sum(run.provisional, straight);
		boolean useSwapped = false;
		int swapped = straight;
		if (Field.SURNAME.of(straight) < Field.SURNAME.top()
				|| Field.GIVEN_NAME.of(straight) < Field.GIVEN_NAME.top()) {
			swapped = Agreement.vector(r, p, true);
			double w = Weights.sum(run.provisional, swapped);
			if (w > weight) {
				weight = w;
				useSwapped = true;
			}
		}
		Boolean decided = null;
		if (!run.decisions.isEmpty()) {
			Map<String, Boolean> decidedForRecord = run.decisions.get(run.records.get(h).key());
			decided = decidedForRecord == null ? null : decidedForRecord.get(pupil.iin());
		}
		if (Boolean.FALSE.equals(decided) || (weight < LinkageEngine.KEEP_FROM && decided == null)) {
			return;
		}
		Candidate c = new Candidate(h, pupil, p, useSwapped ? swapped : straight, useSwapped, weight);
		synchronized (run.locks[h & (run.locks.length - 1)]) {
			if (decided != null) {
				// a reviewer's confirmation holds whatever its weight and rank
				c.decided = true;
				run.confirmed.add(c);
			}
			else {
				run.offer(h, c);
			}
		}
	}

}
