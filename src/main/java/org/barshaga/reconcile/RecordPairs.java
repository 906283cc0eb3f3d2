package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pairs of records held in memory that may name the same child, weighed by a
 * Fellegi-Sunter model fitted to those pairs: inside one register (its duplicates) or
 * between the two non-education registers. The blocking keys and agreement levels are
 * those of the linkage with the enrolment extract; the model is the pairs' own, since a
 * register's second record of a child differs from its first in other ways than a
 * register differs from the school's extract.
 */
final class RecordPairs {

	/** Pairs whose starting weight is below this are not kept. */
	private static final double KEEP_FROM = 0;

	private static final int EM_ITERATIONS = 40;

	private static final int RANDOM_PAIRS = 200_000;

	/** Below this many possible pairs the starting u stands. */
	private static final double FEW_RANDOM = 500_000;

	/**
	 * Expected share of records that name a child already named, when too few pairs fit.
	 */
	private static final double EXPECTED_SHARE = 0.01;

	/** Two records and how they agree; {@code a} and {@code b} index the two lists. */
	record Pair(int a, int b, int vector, boolean swapped, double weight, double probability) {

		/** Given names that differ outright, no mistyping or other spelling. */
		boolean givenNamesDiffer() {
			return Field.GIVEN_NAME.of(vector) == 1;
		}

		/** One of the two has no given name, so twins cannot be told apart by it. */
		boolean givenNameMissing() {
			return Field.GIVEN_NAME.of(vector) == 0;
		}

		boolean sameIin() {
			return Field.IIN.of(vector) == Field.IIN.top();
		}

	}

	/** The scored pairs with the model that weighed them. */
	record Scored(List<Pair> pairs, LinkageEngine.Model model) {
	}

	private RecordPairs() {
	}

	/**
	 * The pairs of one register's records that may be the same child, a before b, weighed
	 * with m as given: the register's errors, fitted on its links with the pupils, where
	 * EM over pairs inside one register would take namesakes for duplicates, since true
	 * duplicates are so few among them. Only the share of duplicates is fitted.
	 */
	static Scored within(List<RegisterRecord> records, double[][] m, long seed) {
		return score(records, records, true, m, seed);
	}

	/**
	 * Pairs of a record of the first list and one of the second, with m fitted by EM:
	 * most children are in both registers, so matches are plentiful among the pairs.
	 */
	static Scored between(List<RegisterRecord> first, List<RegisterRecord> second, long seed) {
		return score(first, second, false, null, seed);
	}

	private static Scored score(List<RegisterRecord> first, List<RegisterRecord> second, boolean same, double[][] given,
			long seed) {
		Prepared[] a = prepare(first);
		Prepared[] b = same ? a : prepare(second);
		LongIndex index = new LongIndex(Math.max(16, a.length * 12));
		for (int i = 0; i < a.length; i++) {
			BlockingKeys.index(index, i, a[i], null);
		}
		double[][] provisional = Weights.provisional();
		List<int[]> found = new ArrayList<>();
		Set<Long> seenPairs = new HashSet<>();
		int[] seenAt = new int[a.length];
		Arrays.fill(seenAt, -1);
		for (int j = 0; j < b.length; j++) {
			int probe = j;
			BlockingKeys.probe(index, b[j], h -> {
				if (seenAt[h] == probe || (same && h == probe)) {
					return;
				}
				seenAt[h] = probe;
				int x = same ? Math.min(h, probe) : h;
				int y = same ? Math.max(h, probe) : probe;
				if (seenPairs.add(((long) x << 32) | y)) {
					found.add(new int[] { x, y });
				}
			});
		}
		List<int[]> vectors = new ArrayList<>(found.size());
		Map<Integer, long[]> patterns = new HashMap<>();
		for (int[] pair : found) {
			int straight = Agreement.vector(a[pair[0]], b[pair[1]], false);
			int best = straight;
			boolean swapped = false;
			if (Field.SURNAME.of(straight) < Field.SURNAME.top()
					|| Field.GIVEN_NAME.of(straight) < Field.GIVEN_NAME.top()) {
				int other = Agreement.vector(a[pair[0]], b[pair[1]], true);
				if (Weights.sum(provisional, other) > Weights.sum(provisional, straight)) {
					best = other;
					swapped = true;
				}
			}
			if (Weights.sum(provisional, best) >= KEEP_FROM) {
				vectors.add(new int[] { pair[0], pair[1], best, swapped ? 1 : 0 });
				patterns.computeIfAbsent(best, k -> new long[1])[0]++;
			}
		}
		double[][] u = chance(a, b, index, same, seed);
		double[][] m = given != null ? given : Weights.provisionalM();
		double share;
		double expected;
		if (given != null && vectors.size() >= LinkageEngine.FEW_PAIRS) {
			share = Weights.matchShare(patterns, Weights.of(m, u), EM_ITERATIONS);
			expected = share * vectors.size();
		}
		else if (given == null && vectors.size() >= LinkageEngine.FEW_PAIRS) {
			share = Weights.expectationMaximisation(patterns, m, EM_ITERATIONS);
			expected = share * vectors.size();
		}
		else {
			expected = Math.max(1, EXPECTED_SHARE * Math.min(a.length, b.length));
			share = vectors.isEmpty() ? 0 : Math.min(1, expected / vectors.size());
		}
		double possible = same ? (double) a.length * (a.length - 1) / 2 : (double) a.length * b.length;
		double priorBits = Weights.log2(Math.max(expected, 1) / Math.max(possible - expected, 1));
		double[][] weights = Weights.of(m, u);
		List<Pair> pairs = new ArrayList<>(vectors.size());
		for (int[] v : vectors) {
			double weight = Weights.sum(weights, v[2]);
			pairs.add(new Pair(v[0], v[1], v[2], v[3] == 1, weight, 1 / (1 + Math.pow(2, -(weight + priorBits)))));
		}
		return new Scored(pairs, new LinkageEngine.Model(m, u, share, b.length, pairs.size(), RANDOM_PAIRS));
	}

	private static Prepared[] prepare(List<RegisterRecord> records) {
		Prepared[] prepared = new Prepared[records.size()];
		for (int i = 0; i < prepared.length; i++) {
			RegisterRecord r = records.get(i);
			prepared[i] = new Prepared(r.iin(), r.surname(), r.givenName(), r.patronymic(), r.birthDate(), r.sex(),
					r.path());
		}
		return prepared;
	}

	/**
	 * u from random pairs of the two lists, and the IIN's from pairs born the same day,
	 * as for the enrolment extract; the records' own IINs that fail the check digit say
	 * how often the registers mistype one.
	 */
	private static double[][] chance(Prepared[] a, Prepared[] b, LongIndex index, boolean same, long seed) {
		long[][] counts = new long[Field.ALL.length][];
		for (Field f : Field.ALL) {
			counts[f.ordinal()] = new long[f.levelCount()];
		}
		long[] sameDayIin = new long[Field.IIN.levelCount()];
		java.util.BitSet days = new java.util.BitSet();
		for (Prepared p : a) {
			days.set(p.day + 30000);
		}
		double possible = same ? (double) a.length * (a.length - 1) / 2 : (double) a.length * b.length;
		if (possible < FEW_RANDOM) {
			// too few distinct pairs to tell chance agreement from the duplicates among
			// them
			return Weights.provisionalU(Math.max(a.length, b.length));
		}
		SplittableRandom draws = new SplittableRandom(seed);
		for (int n = 0; n < RANDOM_PAIRS; n++) {
			int i = draws.nextInt(a.length);
			int j = draws.nextInt(b.length);
			if (same && i == j) {
				continue;
			}
			int vector = Agreement.vector(a[i], b[j], false);
			for (Field f : Field.ALL) {
				counts[f.ordinal()][f.of(vector)]++;
			}
			Prepared p = b[j];
			int[] chosen = { -1 };
			int[] seen = { 0 };
			int self = same ? j : -1;
			index.forEach(BlockingKeys.sameDayKey(p.day), h -> {
				if (h != self && draws.nextInt(++seen[0]) == 0) {
					chosen[0] = h;
				}
			});
			if (chosen[0] >= 0 && p.iin != null && !p.iin.equals(a[chosen[0]].iin)) {
				sameDayIin[Agreement.iinLevel(a[chosen[0]].iin, p.iin)]++;
			}
		}
		int present = 0;
		int failing = 0;
		for (Prepared[] side : same ? new Prepared[][] { a } : new Prepared[][] { a, b }) {
			for (Prepared p : side) {
				if (p.iin != null && p.iin.length() == 12) {
					present++;
					failing += p.iinValid ? 0 : 1;
				}
			}
		}
		return Weights.chance(counts, sameDayIin, Math.max(a.length, b.length), Math.max(1, days.cardinality()),
				present == 0 ? 0 : (double) failing / present);
	}

}
