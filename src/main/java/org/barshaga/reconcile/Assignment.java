package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-to-one assignment of pupils to clusters of records. All candidate pairs are taken
 * from the most probable down; a pair is kept when its cluster has no pupil yet and its
 * pupil has no cluster of the same register yet. One-to-one holds between a register and
 * the enrolment extract, not inside a register: the records of one cluster name one child
 * and go to the same pupil together, and a health record and a benefit record may both go
 * to one pupil.
 */
final class Assignment {

	/**
	 * A second pupil whose weight is within this many bits of the best one (a likelihood
	 * ratio of 32) makes the record's link a matter for review.
	 */
	static final double RIVAL_BITS = 5;

	private final List<RegisterRecord> records;

	private final int[] clusterOf;

	private final LinkageSettings settings;

	Assignment(List<RegisterRecord> records, int[] clusterOf, LinkageSettings settings) {
		this.records = records;
		this.clusterOf = clusterOf;
		this.settings = settings;
	}

	List<Link> assign(List<LinkageEngine.Candidate> all) {
		all.sort(Comparator.comparingDouble((LinkageEngine.Candidate c) -> -c.probability)
			.thenComparingDouble(c -> -c.weight)
			.thenComparing(c -> records.get(c.record).key())
			.thenComparing(c -> c.pupil.iin()));
		Map<Integer, List<LinkageEngine.Candidate>> byCluster = new HashMap<>();
		Map<Integer, LinkageEngine.Candidate> ownPair = new HashMap<>();
		for (LinkageEngine.Candidate c : all) {
			byCluster.computeIfAbsent(clusterOf[c.record], k -> new ArrayList<>()).add(c);
		}
		Map<Integer, LinkageEngine.Candidate> chosen = new HashMap<>();
		Map<Integer, Link.Verdict> verdicts = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (LinkageEngine.Candidate c : all) {
			int cluster = clusterOf[c.record];
			String pupil = records.get(c.record).source() + ":" + c.pupil.iin();
			if (chosen.containsKey(cluster) || c.probability < settings.reviewAbove() || taken.contains(pupil)) {
				continue;
			}
			taken.add(pupil);
			RecordSource source = records.get(c.record).source();
			boolean sure = c.probability >= settings.matchAbove()
					&& (c.decided || !rivalled(c, byCluster.get(cluster), taken, source));
			chosen.put(cluster, c);
			verdicts.put(cluster, sure ? Link.Verdict.MATCH : Link.Verdict.REVIEW);
		}
		// each record shows its own comparison with the cluster's pupil when it has one
		for (LinkageEngine.Candidate c : all) {
			LinkageEngine.Candidate pick = chosen.get(clusterOf[c.record]);
			if (pick != null && pick.pupil.iin().equals(c.pupil.iin()) && !ownPair.containsKey(c.record)) {
				ownPair.put(c.record, c);
			}
		}
		List<Link> links = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			LinkageEngine.Candidate pick = chosen.get(clusterOf[i]);
			if (pick == null) {
				links.add(new Link(records.get(i), null, Link.Verdict.NONE, 0, 0, 0, false, false));
				continue;
			}
			LinkageEngine.Candidate own = ownPair.getOrDefault(i, pick);
			links.add(new Link(records.get(i), pick.pupil, verdicts.get(clusterOf[i]), pick.probability, own.weight,
					own.vector, own.swapped, own.decided));
		}
		return links;
	}

	/**
	 * Whether another pupil, not yet taken by a likelier pair of the register, fits the
	 * cluster almost as well: two namesakes born on the same day, when the records have
	 * no IIN and no patronymic to tell them apart. Then a reviewer decides, not the
	 * ranking.
	 */
	private boolean rivalled(LinkageEngine.Candidate chosen, List<LinkageEngine.Candidate> others, Set<String> taken,
			RecordSource source) {
		for (LinkageEngine.Candidate other : others) {
			if (other != chosen && !other.pupil.iin().equals(chosen.pupil.iin())
					&& !taken.contains(source + ":" + other.pupil.iin())
					&& other.weight >= chosen.weight - RIVAL_BITS) {
				return true;
			}
		}
		return false;
	}

}
