package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.barshaga.reconcile.LinkageEngine.Candidate;
import org.barshaga.reconcile.LinkageEngine.Model;
import org.barshaga.reconcile.LinkageEngine.Outcome;

/**
 * One linkage run: the records prepared and indexed by their blocking keys, which the
 * {@link LinkageWorker}s share, the best candidates each record keeps, and at the end the
 * model fitted and the pairs assigned. Apart from {@link LinkageEngine}, which only feeds
 * the pupils to the workers, because this is the state the workers share and lock.
 */
final class LinkageRun {

	final List<RegisterRecord> records;

	final Prepared[] health;

	final LongIndex index;

	private final Candidate[][] best;

	final Map<String, Map<String, Boolean>> decisions;

	final double[][] provisional;

	final Object[] locks = new Object[64];

	/** Pairs a reviewer confirmed, kept apart from the ranked candidates. */
	final List<Candidate> confirmed = new ArrayList<>();

	private final Function<Map<RecordSource, Model>, int[]> clustering;

	private final LinkageSettings settings;

	LinkageRun(List<RegisterRecord> records, Function<Map<RecordSource, Model>, int[]> clustering,
			Map<String, Map<String, Boolean>> decisions, LinkageSettings settings) {
		this.records = records;
		this.settings = settings;
		this.clustering = clustering;
		this.decisions = decisions;
		int n = records.size();
		health = new Prepared[n];
		best = new Candidate[n][];
		index = new LongIndex(n * 12);
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new Object();
		}
		provisional = Weights.provisional();
		for (int i = 0; i < n; i++) {
			RegisterRecord r = records.get(i);
			Prepared p = new Prepared(r.iin(), r.surname(), r.givenName(), r.patronymic(), r.birthDate(), r.sex(),
					r.path());
			health[i] = p;
			BlockingKeys.index(index, i, p, decisions.get(r.key()));
		}
	}

	/**
	 * Keeps the record's best candidates, ordered by weight and then by IIN, so that the
	 * list is the same whatever order the pupils arrive in.
	 */
	void offer(int h, Candidate c) {
		Candidate[] list = best[h];
		if (list == null) {
			list = new Candidate[settings.candidatesPerRecord()];
			best[h] = list;
		}
		int at = list.length;
		while (at > 0 && (list[at - 1] == null || ranksBefore(c, list[at - 1]))) {
			at--;
		}
		if (at == list.length) {
			return;
		}
		System.arraycopy(list, at, list, at + 1, list.length - at - 1);
		list[at] = c;
	}

	private static boolean ranksBefore(Candidate a, Candidate b) {
		return a.weight > b.weight || (a.weight == b.weight && a.pupil.iin().compareTo(b.pupil.iin()) < 0);
	}

	Outcome finish(List<LinkageWorker> team) {
		ModelFit.Counts counts = new ModelFit.Counts();
		for (LinkageWorker w : team) {
			counts.add(w.pupils, w.randomPairs, w.randomCounts, w.sameDayIin, w.days, w.surnames, w.givenNames);
		}
		Map<RecordSource, List<Candidate>> bySource = new EnumMap<>(RecordSource.class);
		for (RegisterRecord r : records) {
			bySource.computeIfAbsent(r.source(), s -> new ArrayList<>());
		}
		for (Candidate[] list : best) {
			if (list != null) {
				for (Candidate c : list) {
					if (c != null) {
						bySource.get(records.get(c.record).source()).add(c);
					}
				}
			}
		}
		// the confirmed pairs in a fixed order, whichever worker met them
		confirmed.sort(Comparator.comparingInt((Candidate c) -> c.record).thenComparing(c -> c.pupil.iin()));
		Map<RecordSource, Model> models = new ModelFit(records, health, counts).weigh(bySource, confirmed);
		List<Candidate> all = new ArrayList<>();
		bySource.values().forEach(all::addAll);
		all.addAll(confirmed);
		List<Link> result = new Assignment(records, clustering.apply(models), settings).assign(all);
		Model main = models.containsKey(RecordSource.HEALTH) ? models.get(RecordSource.HEALTH)
				: models.values()
					.stream()
					.findFirst()
					.orElse(new Model(Weights.provisionalM(), Weights.provisionalU(counts.pupils), 0, counts.pupils, 0,
							counts.randomPairs));
		return new Outcome(result, main, models);
	}

}
