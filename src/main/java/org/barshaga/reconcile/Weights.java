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

	/**
	 * The row of u (and of the weights) that replaces the IIN's when the birth dates
	 * agree. The IIN begins with the birth date and sex, and children born the same day
	 * get neighbouring serials, so two of them are one digit apart far more often than
	 * two children at random: the IIN must not count the birth date a second time.
	 */
	static final int IIN_SAME_DAY = Field.ALL.length;

	/** Starting u of each level, only to rank candidates while the pupils stream past. */
	static double[][] provisionalU() {
		return new double[][] { { 0, 1, 3e-6, 1e-9 }, { 0, 0.96, 0.02, 0.01, 0.005 }, { 0, 0.95, 0.02, 0.01, 0.01 },
				{ 0, 0.95, 0.03, 0.02 }, { 0, 0.999, 0.0007, 0.0001, 0.0002 }, { 0, 0.5, 0.5 }, { 0, 0.9, 0.08, 0.02 },
				{ 0, 0.975, 0.02, 1e-5 } };
	}

	/** Starting u with the IIN's chance agreement for this many pupils. */
	static double[][] provisionalU(long pupils) {
		double[][] u = provisionalU();
		double n = Math.max(pupils, 1);
		double q = identical(0.03);
		u[Field.IIN.ordinal()] = new double[] { 0, Math.max(0, 1 - 11 / n - q / n), Math.min(1, 11 / n),
				Math.min(1, q / n) };
		// a day's births are some pupils / 4,400 (twelve years of birth dates)
		double sameDay = Math.min(1, q * 4400 / n);
		u[IIN_SAME_DAY] = new double[] { 0, Math.max(0, 1 - 0.02 - sameDay), 0.02, sameDay };
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
	static double[][] chance(long[][] counts, long[] sameDayIin, long pupils, int days, double mistyped) {
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
		double q = identical(mistyped);
		u[Field.IIN.ordinal()] = new double[] { 0, 1 - 11 / n - q / n, 11 / n, q / n };
		double sameDay = q * days / n;
		double pairs = sameDayIin[1] + sameDayIin[2] + 1;
		double oneEdit = Math.max((sameDayIin[2] + 0.5) / pairs, 11 / n);
		double[][] withSameDay = java.util.Arrays.copyOf(u, Field.ALL.length + 1);
		withSameDay[IIN_SAME_DAY] = new double[] { 0, Math.max(0, 1 - oneEdit - sameDay), oneEdit, sameDay };
		return withSameDay;
	}

	/** The weights of every level, with the IIN's row for agreeing birth dates last. */
	/**
	 * How often a child's IIN, as a register wrote it, is exactly another child's. IINs
	 * are unique, so only a typing error that still passes the check digit does that:
	 * about one error in ten does, and the registry's errors that fail the check show how
	 * often the registry mistypes.
	 * @param mistyped the share of the records' IINs that fail the check digit
	 */
	static double identical(double mistyped) {
		return Math.max(mistyped, 0.005) / 10;
	}

	static double[][] of(double[][] m, double[][] u) {
		double[][] w = new double[u.length][];
		for (int f = 0; f < u.length; f++) {
			double[] mf = f == IIN_SAME_DAY ? m[Field.IIN.ordinal()] : m[f];
			w[f] = new double[mf.length];
			for (int l = 1; l < mf.length; l++) {
				w[f][l] = log2(Math.max(mf[l], FLOOR) / Math.max(u[f][l], FLOOR));
			}
		}
		return w;
	}

	static double sum(double[][] weights, int vector) {
		boolean sameDay = Field.BIRTH_DATE.of(vector) == Field.BIRTH_DATE.top();
		double total = 0;
		for (Field f : Field.ALL) {
			int row = f == Field.IIN && sameDay ? IIN_SAME_DAY : f.ordinal();
			total += weights[row][f.of(vector)];
		}
		return total;
	}

	/**
	 * Fits only the share of matches among candidate pairs whose weights are known: each
	 * pair's chance of being a match given the share, averaged, until it settles.
	 * @param patterns how many pairs have each comparison vector
	 * @param weights the weights of every level
	 * @return the share of matches among the pairs
	 */
	static double matchShare(Map<Integer, long[]> patterns, double[][] weights, int iterations) {
		double share = 0.01;
		long total = 0;
		for (long[] count : patterns.values()) {
			total += count[0];
		}
		if (total == 0) {
			return 0;
		}
		for (int iteration = 0; iteration < iterations; iteration++) {
			double matches = 0;
			for (Map.Entry<Integer, long[]> pattern : patterns.entrySet()) {
				double ratio = Math.pow(2, Math.min(60, sum(weights, pattern.getKey())));
				matches += pattern.getValue()[0] * share * ratio / (share * ratio + 1 - share);
			}
			share = Math.max(1e-9, matches / total);
		}
		return share;
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
