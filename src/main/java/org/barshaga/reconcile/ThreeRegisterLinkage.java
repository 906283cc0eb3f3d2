package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Links the health registry, the social-protection register and the enrolment extract in
 * one run, in three steps:
 * <ol>
 * <li>each non-education register's records are grouped into clusters that name one child
 * ({@link Clusters});</li>
 * <li>the clusters of both registers are linked to the pupils in one pass over the
 * enrolment extract, one to one between each register and the extract
 * ({@link LinkageEngine});</li>
 * <li>the two registers' clusters are linked to each other, so that a child in both and
 * in no school is one child, and a benefit record that the extract does not match is
 * known to be at school through the health record of the same child.</li>
 * </ol>
 * Each record then belongs to a child: the same outcome, the same pupil, and one record
 * that stands for the child in counts and lists.
 */
final class ThreeRegisterLinkage {

	/** Where a child is found. */
	enum Found {

		HEALTH, BENEFIT, SCHOOL

	}

	/** What each ministry has to resolve about a child found in its register. */
	enum Disagreement {

		/** In the benefit register, not in the health registry. */
		NOT_IN_HEALTH,
		/** In the health registry, not in the benefit register. */
		NOT_IN_BENEFIT,
		/** The two registers state different disability groups. */
		GROUP_DIFFERS,
		/** The two registers give different birth dates. */
		BIRTH_DATE_DIFFERS,
		/** The two registers give different districts of residence. */
		DISTRICT_DIFFERS

	}

	/** A record with its cluster and the child it belongs to. */
	record RecordResult(RegisterRecord record, Link link, Link.Verdict childVerdict, String clusterKey, int clusterSize,
			double clusterProbability, boolean clusterUncertain, String childKey, boolean primary, Set<Found> foundIn,
			Set<Disagreement> disagreements, RegisterRecord childRecord, String possibleDuplicate) {
	}

	record Outcome(List<RecordResult> results, LinkageEngine.Outcome linkage, Clusters health, Clusters benefit,
			int registerPairs, List<PupilDuplicates.Pair> pupilDuplicates) {
	}

	private final LinkageSettings settings;

	ThreeRegisterLinkage(LinkageSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param decisions reviewers' decisions on record-pupil pairs, by the record's key
	 * @param duplicateDecisions reviewers' decisions on pairs of records of one register
	 */
	Outcome link(List<RegisterRecord> health, List<RegisterRecord> benefit, PupilSource pupils,
			Map<String, Map<String, Boolean>> decisions, Map<RecordSource, Map<String, Boolean>> duplicateDecisions,
			LongConsumer progress) {
		int h = health.size();
		List<RegisterRecord> all = new ArrayList<>(h + benefit.size());
		all.addAll(health);
		all.addAll(benefit);
		int[] clusterOf = new int[all.size()];
		Clusters[] found = new Clusters[2];
		PupilDuplicates pupilDuplicates = new PupilDuplicates();
		PupilSource watched = sink -> pupils.forEach(pupil -> {
			pupilDuplicates.accept(pupil);
			sink.accept(pupil);
		});
		LinkageEngine.Outcome linkage = new LinkageEngine(settings).link(all, models -> {
			found[0] = Clusters.of(health, duplicateDecisions.getOrDefault(RecordSource.HEALTH, Map.of()), settings,
					m(models, RecordSource.HEALTH));
			found[1] = Clusters.of(benefit, duplicateDecisions.getOrDefault(RecordSource.BENEFIT, Map.of()), settings,
					m(models, RecordSource.BENEFIT));
			for (int i = 0; i < all.size(); i++) {
				clusterOf[i] = i < h ? found[0].clusterOf[i] : h + found[1].clusterOf[i - h];
			}
			return clusterOf;
		}, watched, decisions, progress);
		Clusters healthClusters = found[0];
		Clusters benefitClusters = found[1];
		List<Link> links = linkage.links();

		// children: clusters joined by a shared pupil or by a link between the registers
		int[] parent = new int[all.size()];
		Arrays.setAll(parent, i -> clusterOf[i]);
		Map<String, Integer> byPupil = new HashMap<>();
		for (int i = 0; i < all.size(); i++) {
			Link link = links.get(i);
			if (link.verdict() == Link.Verdict.MATCH) {
				Integer other = byPupil.putIfAbsent(link.pupil().iin(), clusterOf[i]);
				if (other != null) {
					Unions.union(parent, other, clusterOf[i]);
				}
			}
		}
		boolean[] possiblySchooled = new boolean[all.size()];
		int registerPairs = linkRegisters(health, benefit, h, clusterOf, links, parent, possiblySchooled);

		Map<Integer, List<Integer>> children = new HashMap<>();
		for (int i = 0; i < all.size(); i++) {
			children.computeIfAbsent(Unions.find(parent, clusterOf[i]), k -> new ArrayList<>()).add(i);
		}
		RecordResult[] results = new RecordResult[all.size()];
		for (List<Integer> members : children.values()) {
			describeChild(all, members, links, h, healthClusters, benefitClusters, possiblySchooled,
					!health.isEmpty() && !benefit.isEmpty(), results);
		}
		return new Outcome(Arrays.asList(results), linkage, healthClusters, benefitClusters, registerPairs,
				pupilDuplicates.pairs());
	}

	/**
	 * The register's m as its linkage with the pupils fitted it, or the starting values.
	 */
	private static double[][] m(Map<RecordSource, LinkageEngine.Model> models, RecordSource source) {
		LinkageEngine.Model model = models.get(source);
		return model == null ? Weights.provisionalM() : model.m();
	}

	/**
	 * Links each health cluster to at most one benefit cluster, from the most probable
	 * pair down. A pair is not joined when both clusters are at school with different
	 * pupils, or when either child already has a record of the other register. A pair in
	 * the review band joins nothing, but marks both sides as possibly the child at
	 * school, so that neither is listed as out of school while the other is at school.
	 */
	private int linkRegisters(List<RegisterRecord> health, List<RegisterRecord> benefit, int h, int[] clusterOf,
			List<Link> links, int[] parent, boolean[] possiblySchooled) {
		if (health.isEmpty() || benefit.isEmpty()) {
			return 0;
		}
		RecordPairs.Scored scored = RecordPairs.between(health, benefit, settings.seed() ^ 0x5DEECE66DL);
		List<RecordPairs.Pair> pairs = new ArrayList<>(scored.pairs());
		pairs.sort(Comparator.comparingDouble((RecordPairs.Pair p) -> -p.probability())
			.thenComparing(p -> health.get(p.a()).recordId())
			.thenComparing(p -> benefit.get(p.b()).recordId()));
		// which children already hold a record of each register, by their root
		boolean[] hasHealth = new boolean[clusterOf.length];
		boolean[] hasBenefit = new boolean[clusterOf.length];
		for (int i = 0; i < clusterOf.length; i++) {
			int root = Unions.find(parent, clusterOf[i]);
			hasHealth[root] |= i < h;
			hasBenefit[root] |= i >= h;
		}
		int joined = 0;
		for (RecordPairs.Pair pair : pairs) {
			if (pair.probability() < settings.reviewAbove()) {
				break;
			}
			int x = pair.a();
			int y = h + pair.b();
			Link lx = links.get(x);
			Link ly = links.get(y);
			boolean bothSchooled = lx.verdict() == Link.Verdict.MATCH && ly.verdict() == Link.Verdict.MATCH;
			if (bothSchooled && !lx.pupil().iin().equals(ly.pupil().iin())) {
				continue;
			}
			int childX = Unions.find(parent, clusterOf[x]);
			int childY = Unions.find(parent, clusterOf[y]);
			if (childX == childY) {
				continue;
			}
			if (pair.probability() < settings.matchAbove()) {
				possiblySchooled[x] |= ly.verdict() != Link.Verdict.NONE;
				possiblySchooled[y] |= lx.verdict() != Link.Verdict.NONE;
				continue;
			}
			if (hasBenefit[childX] || hasHealth[childY]) {
				continue;
			}
			Unions.union(parent, childX, childY);
			int child = Unions.find(parent, childX);
			hasHealth[child] = true;
			hasBenefit[child] = true;
			joined++;
		}
		return joined;
	}

	private void describeChild(List<RegisterRecord> all, List<Integer> members, List<Link> links, int h,
			Clusters healthClusters, Clusters benefitClusters, boolean[] possiblySchooled, boolean bothRegisters,
			RecordResult[] results) {
		members
			.sort(Comparator.comparing((Integer i) -> all.get(i).source()).thenComparing(i -> all.get(i).recordId()));
		RegisterRecord primary = all.get(members.get(0));
		Link schooled = null;
		Link review = null;
		boolean uncertain = false;
		RegisterRecord firstHealth = null;
		RegisterRecord firstBenefit = null;
		for (int i : members) {
			Link link = links.get(i);
			if (link.verdict() == Link.Verdict.MATCH && schooled == null) {
				schooled = link;
			}
			else if (link.verdict() == Link.Verdict.REVIEW && review == null) {
				review = link;
			}
			Clusters clusters = i < h ? healthClusters : benefitClusters;
			uncertain |= clusters.uncertain[i < h ? i : i - h] || possiblySchooled[i];
			if (i < h && firstHealth == null) {
				firstHealth = all.get(i);
			}
			if (i >= h && firstBenefit == null) {
				firstBenefit = all.get(i);
			}
		}
		Link.Verdict verdict = schooled != null ? Link.Verdict.MATCH
				: review != null || uncertain ? Link.Verdict.REVIEW : Link.Verdict.NONE;
		Set<Found> found = EnumSet.noneOf(Found.class);
		if (firstHealth != null) {
			found.add(Found.HEALTH);
		}
		if (firstBenefit != null) {
			found.add(Found.BENEFIT);
		}
		if (schooled != null) {
			found.add(Found.SCHOOL);
		}
		Set<Disagreement> disagreements = disagreements(firstHealth, firstBenefit, bothRegisters);
		for (int i : members) {
			int local = i < h ? i : i - h;
			Clusters clusters = i < h ? healthClusters : benefitClusters;
			RegisterRecord first = all.get(i < h ? clusters.clusterOf[local] : h + clusters.clusterOf[local]);
			Link own = links.get(i);
			Link shown = schooled != null && own.verdict() != Link.Verdict.MATCH ? schooled
					: own.verdict() == Link.Verdict.NONE && review != null ? review : own;
			results[i] = new RecordResult(all.get(i), shown, verdict, first.key(), clusters.size[local],
					clusters.probability[local], clusters.uncertain[local], primary.key(), i == members.get(0), found,
					disagreements, primary,
					clusters.possibleDuplicate[local] < 0 ? null
							: all.get(i < h ? clusters.possibleDuplicate[local] : h + clusters.possibleDuplicate[local])
								.recordId());
		}
	}

	static Set<Disagreement> disagreements(RegisterRecord health, RegisterRecord benefit, boolean bothRegisters) {
		Set<Disagreement> found = EnumSet.noneOf(Disagreement.class);
		if (!bothRegisters) {
			return found;
		}
		if (health == null) {
			found.add(Disagreement.NOT_IN_HEALTH);
			return found;
		}
		if (benefit == null) {
			found.add(Disagreement.NOT_IN_BENEFIT);
			return found;
		}
		if (health.group() != null && benefit.group() != null && !health.group().equals(benefit.group())) {
			found.add(Disagreement.GROUP_DIFFERS);
		}
		if (!health.birthDate().equals(benefit.birthDate())) {
			found.add(Disagreement.BIRTH_DATE_DIFFERS);
		}
		String healthDistrict = district(health.path());
		String benefitDistrict = district(benefit.path());
		if (healthDistrict != null && benefitDistrict != null && !healthDistrict.equals(benefitDistrict)) {
			found.add(Disagreement.DISTRICT_DIFFERS);
		}
		return found;
	}

	/** The district of a path such as /KZ/KZ-61/KZ-61-D08/, or null above a district. */
	private static String district(String path) {
		String[] parts = path.split("/");
		return parts.length > 3 ? parts[3] : null;
	}

}
