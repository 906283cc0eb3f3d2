package org.barshaga.reconcile;

/**
 * The parameters of a linkage run, kept with the run.
 *
 * @param matchAbove a pair whose match probability is at least this is linked without
 * review
 * @param reviewAbove a pair between this and {@code matchAbove} goes to the review queue;
 * below it the record is not linked
 * @param candidatesPerRecord how many best candidates of each health record are kept for
 * estimation and assignment
 * @param sampleEvery one pupil in this many is paired with a random health record to
 * estimate the chance agreement (u) of every field
 * @param seed of the random sampling, so that a run on the same data is the same run
 * @param threads how many threads compare pupils with records, besides the one reading
 * them
 */
record LinkageSettings(double matchAbove, double reviewAbove, int candidatesPerRecord, int sampleEvery, long seed,
		int threads) {

	static final LinkageSettings DEFAULT = new LinkageSettings(0.99, 0.20, 4, 16, 20261203L, 2);

	LinkageSettings {
		if (!(reviewAbove > 0 && reviewAbove <= matchAbove && matchAbove < 1)) {
			throw new IllegalArgumentException("0 < review threshold <= match threshold < 1 is required");
		}
		if (candidatesPerRecord < 1 || sampleEvery < 1 || threads < 1) {
			throw new IllegalArgumentException("candidates and sampling must be at least 1");
		}
	}

}
