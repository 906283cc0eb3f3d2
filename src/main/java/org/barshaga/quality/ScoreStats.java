package org.barshaga.quality;

/**
 * The valid scores of one scale in one group, kept as sufficient statistics (count, sum,
 * sum of squares, and counts in four bands of 25 points) so that groups add up to their
 * parent without going back to the responses. The 95% interval of the mean is the Student
 * t interval, mean ± t(0.975, n − 1) × s ÷ √n.
 */
public final class ScoreStats {

	static final int BANDS = 4;

	private long count;

	private double sum;

	private double sumOfSquares;

	private final long[] bands = new long[BANDS];

	void add(double score) {
		count++;
		sum += score;
		sumOfSquares += score * score;
		bands[band(score)]++;
	}

	void add(long count, double sum, double sumOfSquares, long[] bands) {
		this.count += count;
		this.sum += sum;
		this.sumOfSquares += sumOfSquares;
		for (int i = 0; i < BANDS; i++) {
			this.bands[i] += bands[i];
		}
	}

	void add(ScoreStats other) {
		add(other.count, other.sum, other.sumOfSquares, other.bands);
	}

	static int band(double score) {
		return Math.min(BANDS - 1, Math.max(0, (int) (score / 25)));
	}

	public long count() {
		return count;
	}

	public double mean() {
		return sum / count;
	}

	/** The sample standard deviation (n − 1 in the denominator); 0 for one score. */
	public double standardDeviation() {
		if (count < 2) {
			return 0;
		}
		double variance = (sumOfSquares - sum * sum / count) / (count - 1);
		return Math.sqrt(Math.max(0, variance));
	}

	/** Half the width of the 95% interval; NaN for fewer than two scores. */
	public double halfWidth() {
		if (count < 2) {
			return Double.NaN;
		}
		return t975(count - 1) * standardDeviation() / Math.sqrt(count);
	}

	public long band(int index) {
		return bands[index];
	}

	/**
	 * The 0.975 quantile of Student's t with {@code df} degrees of freedom, by the
	 * Cornish-Fisher expansion around the normal quantile to the fourth term: within
	 * 0.001 of the exact value from 4 degrees of freedom up (the smallest group shown has
	 * 5).
	 */
	static double t975(long df) {
		double z = 1.959963984540054;
		double z3 = z * z * z;
		double z5 = z3 * z * z;
		double z7 = z5 * z * z;
		double z9 = z7 * z * z;
		double n = df;
		return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
				+ (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
				+ (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * n * n * n * n);
	}

}
