package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The records of one register grouped by the child they name. Pairs sure to be the same
 * child join their records into one cluster; pairs in the review band leave the records
 * apart and mark both uncertain, so that neither is listed as out of school on its own
 * word. Twins stay apart: two records whose given names differ outright are never one
 * child unless they carry the same IIN, and then a reviewer decides.
 */
final class Clusters {

	/** For each record, the number of its cluster: the index of its first record. */
	final int[] clusterOf;

	/**
	 * For each record, the probability of its strongest pair inside its cluster (1
	 * alone).
	 */
	final double[] probability;

	/**
	 * For each record, whether a possible duplicate outside its cluster waits for review.
	 */
	final boolean[] uncertain;

	/** For each record, its likeliest possible duplicate outside its cluster, or -1. */
	final int[] possibleDuplicate;

	/** For each record, the number of records of its cluster. */
	final int[] size;

	/** The pairs that joined records, and those left for review. */
	final List<RecordPairs.Pair> joined = new ArrayList<>();

	final List<RecordPairs.Pair> review = new ArrayList<>();

	final LinkageEngine.Model model;

	private Clusters(int n, LinkageEngine.Model model) {
		clusterOf = new int[n];
		probability = new double[n];
		uncertain = new boolean[n];
		size = new int[n];
		possibleDuplicate = new int[n];
		Arrays.fill(possibleDuplicate, -1);
		this.model = model;
		Arrays.setAll(clusterOf, i -> i);
		Arrays.fill(probability, 1);
	}

	/**
	 * @param decisions reviewers' decisions on pairs of this register, by the two
	 * records' ids joined with a space, the smaller first: true when they name the same
	 * child
	 */
	static Clusters of(List<RegisterRecord> records, Map<String, Boolean> decisions, LinkageSettings settings,
			double[][] m) {
		RecordPairs.Scored scored = RecordPairs.within(records, m, settings.seed());
		Clusters clusters = new Clusters(records.size(), scored.model());
		List<RecordPairs.Pair> pairs = new ArrayList<>(scored.pairs());
		pairs.sort(Comparator.comparingDouble((RecordPairs.Pair p) -> -p.probability())
			.thenComparing(p -> records.get(p.a()).recordId())
			.thenComparing(p -> records.get(p.b()).recordId()));
		int[] parent = new int[records.size()];
		Arrays.setAll(parent, i -> i);
		for (RecordPairs.Pair pair : pairs) {
			Boolean decided = decisions.get(pairKey(records.get(pair.a()), records.get(pair.b())));
			double p = probability(pair, decided, settings);
			if (p >= settings.matchAbove()) {
				Unions.union(parent, pair.a(), pair.b());
				clusters.joined.add(pair);
				clusters.probability[pair.a()] = Math.min(clusters.probability[pair.a()], p);
				clusters.probability[pair.b()] = Math.min(clusters.probability[pair.b()], p);
			}
			else if (p >= settings.reviewAbove()) {
				clusters.review.add(pair);
			}
		}
		// a pair confirmed by a reviewer need not be among the blocked pairs
		Map<String, Integer> byId = new java.util.HashMap<>();
		if (!decisions.isEmpty()) {
			for (int i = 0; i < records.size(); i++) {
				byId.put(records.get(i).recordId(), i);
			}
		}
		for (Map.Entry<String, Boolean> d : decisions.entrySet()) {
			if (d.getValue()) {
				String[] ids = d.getKey().split(" ");
				int x = byId.getOrDefault(ids[0], -1);
				int y = byId.getOrDefault(ids[1], -1);
				if (x >= 0 && y >= 0) {
					Unions.union(parent, x, y);
				}
			}
		}
		for (int i = 0; i < parent.length; i++) {
			clusters.clusterOf[i] = Unions.find(parent, i);
		}
		// the cluster's number is its first record's index, whatever the order of union
		int[] first = new int[parent.length];
		Arrays.fill(first, Integer.MAX_VALUE);
		for (int i = 0; i < parent.length; i++) {
			first[clusters.clusterOf[i]] = Math.min(first[clusters.clusterOf[i]], i);
		}
		for (int i = 0; i < parent.length; i++) {
			clusters.clusterOf[i] = first[clusters.clusterOf[i]];
			clusters.size[clusters.clusterOf[i]]++;
		}
		for (int i = 0; i < parent.length; i++) {
			clusters.size[i] = clusters.size[clusters.clusterOf[i]];
		}
		for (RecordPairs.Pair pair : clusters.review) {
			// the review pairs come most probable first
			if (clusters.clusterOf[pair.a()] != clusters.clusterOf[pair.b()]) {
				clusters.uncertain[pair.a()] = true;
				clusters.uncertain[pair.b()] = true;
				if (clusters.possibleDuplicate[pair.a()] < 0) {
					clusters.possibleDuplicate[pair.a()] = pair.b();
				}
				if (clusters.possibleDuplicate[pair.b()] < 0) {
					clusters.possibleDuplicate[pair.b()] = pair.a();
				}
			}
		}
		return clusters;
	}

	/**
	 * A reviewer's decision settles a pair. Twins share all but their given names and
	 * IINs, so given names that differ keep two records apart unless their IINs agree,
	 * and then only a reviewer joins them; a record without a given name joins another
	 * only through the IIN, else it waits for review.
	 */
	private static double probability(RecordPairs.Pair pair, Boolean decided, LinkageSettings settings) {
		if (decided != null) {
			return decided ? 1 : 0;
		}
		if (pair.givenNamesDiffer() && !pair.sameIin()) {
			return 0;
		}
		if (pair.givenNamesDiffer() || (pair.givenNameMissing() && !pair.sameIin())) {
			return Math.min(pair.probability(), settings.reviewAbove());
		}
		return pair.probability();
	}

	/** How a pair of one register's records is known to reviewers' decisions. */
	static String pairKey(RegisterRecord x, RegisterRecord y) {
		return x.recordId().compareTo(y.recordId()) <= 0 ? x.recordId() + " " + y.recordId()
				: y.recordId() + " " + x.recordId();
	}

}
