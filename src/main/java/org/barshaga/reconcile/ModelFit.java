package org.barshaga.reconcile;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the Fellegi-Sunter model of a linkage run, one for each register's records, and
 * weighs every candidate pair with it: u from the random pairs the stream drew, m by
 * expectation-maximisation over the register's candidates, exact name agreement weighed
 * by the name's frequency among the pupils, and the prior odds of a match.
 */
final class ModelFit {

	private static final int EM_ITERATIONS = 40;

	/**
	 * The share of health records found in the enrolment extract in full national runs.
	 */
	private static final double EXPECTED_FOUND = 0.85;

	/** What the stream's workers counted, summed. */
	static final class Counts {

		long pupils;

		long randomPairs;

		final long[][] randomCounts = new long[Field.ALL.length][];

		final long[] sameDayIin = new long[Field.IIN.levelCount()];

		final BitSet days = new BitSet();

		final Map<String, int[]> surnames = new HashMap<>();

		final Map<String, int[]> givenNames = new HashMap<>();

		Counts() {
			for (Field f : Field.ALL) {
				randomCounts[f.ordinal()] = new long[f.levelCount()];
			}
		}

		void add(long pupils, long randomPairs, long[][] randomCounts, long[] sameDayIin, BitSet days,
				Map<String, int[]> surnames, Map<String, int[]> givenNames) {
			this.pupils += pupils;
			this.randomPairs += randomPairs;
			for (Field f : Field.ALL) {
				for (int l = 0; l < f.levelCount(); l++) {
					this.randomCounts[f.ordinal()][l] += randomCounts[f.ordinal()][l];
				}
			}
			for (int l = 0; l < sameDayIin.length; l++) {
				this.sameDayIin[l] += sameDayIin[l];
			}
			this.days.or(days);
			surnames.forEach((k, v) -> this.surnames.computeIfAbsent(k, x -> new int[1])[0] += v[0]);
			givenNames.forEach((k, v) -> this.givenNames.computeIfAbsent(k, x -> new int[1])[0] += v[0]);
		}

	}

	private final List<RegisterRecord> records;

	private final Prepared[] prepared;

	private final Counts counts;

	ModelFit(List<RegisterRecord> records, Prepared[] prepared, Counts counts) {
		this.records = records;
		this.prepared = prepared;
		this.counts = counts;
	}

	/**
	 * Weighs the candidates of each register with the register's own model, and the pairs
	 * a reviewer confirmed as certain.
	 */
	Map<RecordSource, LinkageEngine.Model> weigh(Map<RecordSource, List<LinkageEngine.Candidate>> bySource,
			List<LinkageEngine.Candidate> confirmed) {
		Map<RecordSource, Integer> sizes = new EnumMap<>(RecordSource.class);
		for (RegisterRecord r : records) {
			sizes.merge(r.source(), 1, Integer::sum);
		}
		long pupils = counts.pupils;
		Map<RecordSource, LinkageEngine.Model> models = new EnumMap<>(RecordSource.class);
		for (Map.Entry<RecordSource, List<LinkageEngine.Candidate>> entry : bySource.entrySet()) {
			RecordSource source = entry.getKey();
			List<LinkageEngine.Candidate> candidates = entry.getValue();
			int size = sizes.getOrDefault(source, 0);
			double[][] u = counts.randomPairs >= LinkageEngine.FEW_PAIRS ? Weights.chance(counts.randomCounts,
					counts.sameDayIin, pupils, Math.max(1, counts.days.cardinality()), mistyped(source))
					: Weights.provisionalU(pupils);
			Map<Integer, long[]> patterns = new HashMap<>();
			for (LinkageEngine.Candidate c : candidates) {
				patterns.computeIfAbsent(c.vector, k -> new long[1])[0]++;
			}
			double[][] m = Weights.provisionalM();
			double share;
			double expectedMatches;
			if (candidates.size() >= LinkageEngine.FEW_PAIRS) {
				share = Weights.expectationMaximisation(patterns, m, EM_ITERATIONS);
				expectedMatches = share * candidates.size();
			}
			else {
				// too few pairs to fit: the starting values stand, and most records are
				// expected to be found, as in every full run so far
				expectedMatches = EXPECTED_FOUND * Math.min(size, pupils);
				share = candidates.isEmpty() ? 0 : Math.min(1, expectedMatches / candidates.size());
			}
			double pairs = (double) pupils * Math.max(1, size);
			double priorBits = Weights.log2(Math.max(expectedMatches, 1) / Math.max(pairs - expectedMatches, 1));
			double[][] weights = Weights.of(m, u);
			for (LinkageEngine.Candidate c : candidates) {
				c.weight = Weights.sum(weights, c.vector) + frequencyAdjustment(c, u);
				c.probability = 1 / (1 + Math.pow(2, -(c.weight + priorBits)));
			}
			for (LinkageEngine.Candidate c : confirmed) {
				if (records.get(c.record).source() == source) {
					c.weight = Weights.sum(weights, c.vector) + frequencyAdjustment(c, u);
					c.probability = 1;
				}
			}
			models.put(source, new LinkageEngine.Model(m, u, share, pupils, candidates.size(), counts.randomPairs));
		}
		return models;
	}

	/** The share of a register's twelve-digit IINs that fail the check digit. */
	private double mistyped(RecordSource source) {
		int present = 0;
		int failing = 0;
		for (int i = 0; i < prepared.length; i++) {
			Prepared p = prepared[i];
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
	 * Exact agreement on a rare name says more than on a common one: the chance agreement
	 * of the exact level is replaced by the name's own frequency among the pupils.
	 */
	private double frequencyAdjustment(LinkageEngine.Candidate c, double[][] u) {
		double adjustment = 0;
		if (Field.SURNAME.of(c.vector) == Field.SURNAME.top()) {
			adjustment += Weights.frequency(counts.surnames.get(c.prepared.surnameStem), counts.pupils,
					u[Field.SURNAME.ordinal()][Field.SURNAME.top()]);
		}
		if (Field.GIVEN_NAME.of(c.vector) == Field.GIVEN_NAME.top()) {
			adjustment += Weights.frequency(counts.givenNames.get(c.prepared.given), counts.pupils,
					u[Field.GIVEN_NAME.ordinal()][Field.GIVEN_NAME.top()]);
		}
		return adjustment;
	}

}
