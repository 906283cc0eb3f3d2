package org.barshaga.reconcile;

import java.util.Map;

/**
 * The arithmetic of the Fellegi-Sunter model: m (agreement among matches) and u (chance
 * agreement) per field and level, their log-ratio weights in bits, and the EM fit.
 */
final class Weights {

	private static final double FLOOR = 1e-9;

	private Weights() {
	}

	/** Starting m of each level, from practice; EM replaces them with the data's. */
	static double[][] provisionalM() {
		return new double[][] { { 0, 0.05, 0.03, 0.92 }, { 0, 0.03, 0.03, 0.04, 0.90 }, { 0, 0.03, 0.02, 0.03, 0.92 },
				{ 0, 0.04, 0.04, 0.92 }, { 0, 0.01, 0.01, 0.01, 0.97 }, { 0, 0.01, 0.99 }, { 0, 0.03, 0.6, 0.37 } };
	}

	/** Starting u of each level, only to rank candidates while the pupils stream past. */
	static double[][] provisionalU() {
		return new double[][] { { 0, 1, 3e-6, 3e-7 }, { 0, 0.96, 0.02, 0.01, 0.005 }, { 0, 0.95, 0.02, 0.01, 0.01 },
				{ 0, 0.95, 0.03, 0.02 }, { 0, 0.999, 0.0007, 0.0001, 0.0002 }, { 0, 0.5, 0.5 },
				{ 0, 0.9, 0.08, 0.02 } };
	}

	/** Starting u with the IIN's chance agreement for this many pupils. */
	static double[][] provisionalU(long pupils) {
		double[][] u = provisionalU();
		double n = Math.max(pupils, 1);
		u[Field.IIN.ordinal()] = new double[] { 0, Math.max(0, 1 - 12 / n), Math.min(1, 11 / n), Math.min(1, 1 / n) };
		return u;
	}

	static double[][] provisional() {
		return of(provisionalM(), provisionalU());
	}

	/**
	 * u from the random pairs: how often each level occurs between a record and a pupil
	 * drawn at random, among the pairs where the field is present. Two random children
	 * share an IIN with chance one in the number of pupils, and are one typing error
	 * apart about eleven times as often, which a sample of some hundred thousand pairs
	 * could never see.
	 */
	static double[][] chance(long[][] counts, long pairs, long pupils) {
		double[][] u = new double[Field.ALL.length][];
		for (Field f : Field.ALL) {
			long[] c = counts[f.ordinal()];
			double present = 0;
			for (int l = 1; l < c.length; l++) {
				present += c[l];
			}
			u[f.ordinal()] = new double[c.length];
			for (int l = 1; l < c.length; l++) {
				u[f.ordinal()][l] = (c[l] + 0.5) / (present + 0.5 * (c.length - 1));
			}
		}
		double n = Math.max(pupils, 1);
		u[Field.IIN.ordinal()] = new double[] { 0, 1 - 12 / n, 11 / n, 1 / n };
		return u;
	}

	static double[][] of(double[][] m, double[][] u) {
		double[][] w = new double[m.length][];
		for (int f = 0; f < m.length; f++) {
			w[f] = new double[m[f].length];
			for (int l = 1; l < m[f].length; l++) {
				w[f][l] = log2(Math.max(m[f][l], FLOOR) / Math.max(u[f][l], FLOOR));
			}
		}
		return w;
	}

	static double sum(double[][] weights, int vector) {
		double total = 0;
		for (Field f : Field.ALL) {
			total += weights[f.ordinal()][f.of(vector)];
		}
		return total;
	}

	/**
	 * Fits m (in place) and the share of matches among the candidate pairs, given how
	 * many pairs have each comparison vector. Fields are taken as independent given the
	 * match status; a missing field says nothing. The u fitted alongside is that of
	 * candidate pairs, which share a blocking key and so agree more often than random
	 * pairs do: it serves the fit only.
	 * @return the share of matches among the candidate pairs
	 */
	static double expectationMaximisation(Map<Integer, long[]> patterns, double[][] m, int iterations) {
		double[][] u = provisionalU();
		for (double[] levels : u) {
			for (int l = 1; l < levels.length; l++) {
				levels[l] = 1.0 / (levels.length - 1);
			}
		}
		double share = 0.3;
		int fields = m.length;
		for (int iteration = 0; iteration < iterations; iteration++) {
			double[][] mSum = new double[fields][];
			double[][] uSum = new double[fields][];
			for (int f = 0; f < fields; f++) {
				mSum[f] = new double[m[f].length];
				uSum[f] = new double[m[f].length];
			}
			double matches = 0;
			double total = 0;
			for (Map.Entry<Integer, long[]> pattern : patterns.entrySet()) {
				int vector = pattern.getKey();
				double count = pattern.getValue()[0];
				double pm = share;
				double pu = 1 - share;
				for (Field f : Field.ALL) {
					int level = f.of(vector);
					if (level > 0) {
						pm *= Math.max(m[f.ordinal()][level], FLOOR);
						pu *= Math.max(u[f.ordinal()][level], FLOOR);
					}
				}
				double g = pm / (pm + pu);
				matches += g * count;
				total += count;
				for (Field f : Field.ALL) {
					int level = f.of(vector);
					if (level > 0) {
						mSum[f.ordinal()][level] += g * count;
						uSum[f.ordinal()][level] += (1 - g) * count;
					}
				}
			}
			if (total == 0) {
				return 0;
			}
			share = Math.min(Math.max(matches / total, 1e-6), 1 - 1e-6);
			for (int f = 0; f < fields; f++) {
				normalise(mSum[f], m[f], LEAST_M);
				normalise(uSum[f], u[f], 1e-6);
			}
		}
		return share;
	}

	/**
	 * No level of a true match is taken as rarer than this: a name can change (adoption,
	 * marriage of a parent) and a field can be typed wrong in ways a synthetic or a small
	 * sample never shows, and an m of almost zero would make one such field veto a match
	 * that everything else supports.
	 */
	private static final double LEAST_M = 0.002;

	private static void normalise(double[] sums, double[] into, double least) {
		double total = 0;
		for (int l = 1; l < sums.length; l++) {
			total += sums[l];
		}
		if (total <= 0) {
			return;
		}
		for (int l = 1; l < sums.length; l++) {
			into[l] = Math.max(sums[l] / total, least);
		}
	}

	/**
	 * The weight to add to exact agreement on a name held by {@code count} of the pupils,
	 * in place of the average chance agreement {@code averageU}.
	 */
	static double frequency(int[] count, long pupils, double averageU) {
		if (count == null || pupils == 0) {
			return 0;
		}
		double own = Math.max(count[0], 1) / (double) pupils;
		return log2(averageU / own);
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
