package org.barshaga.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Sex;
import org.barshaga.reconcile.bench.Linker;
import org.barshaga.reconcile.bench.Person;

/**
 * Barshaga's own linkage engine under the benchmark, with the product's default settings
 * and no remembered decisions. Pupils are handed to it as a stream, as the product reads
 * them from the database. Only the automatic links are returned; the pairs it puts in the
 * review queue are counted apart, since a reviewer decides them.
 */
public final class BarshagaLinker implements Linker {

	@Override
	public String name() {
		return "barshaga";
	}

	@Override
	public Map<String, String> link(List<Person> health, List<Person> pupils) {
		List<RegisterRecord> records = health.stream()
			.filter(p -> p.birthDate() != null)
			.map(p -> new RegisterRecord(p.id(), p.iin(), p.surname(), p.givenName(), p.patronymic(), p.birthDate(),
					Sex.valueOf(p.sex()), "/KZ/" + p.region() + "/"))
			.toList();
		PupilSource source = sink -> {
			for (Person p : pupils) {
				sink.accept(new Pupil(p.iin(), p.surname(), p.givenName(), p.patronymic(), p.birthDate(),
						Sex.valueOf(p.sex()), 0, "/KZ/" + p.region() + "/"));
			}
		};
		LinkageEngine.Outcome outcome = new LinkageEngine(LinkageSettings.DEFAULT).link(records, source, Map.of(),
				read -> {
				});
		Map<String, String> links = new HashMap<>();
		int review = 0;
		for (Link link : outcome.links()) {
			if (link.verdict() == Link.Verdict.MATCH) {
				links.put(link.record().recordId(), link.pupil().iin());
			}
			else if (link.verdict() == Link.Verdict.REVIEW) {
				review++;
			}
		}
		System.out.printf("barshaga: %d automatic links, %d pairs for review, EM match share %.4f over %d candidate"
				+ " pairs, %d random pairs%n", links.size(), review, outcome.model().matchShare(),
				outcome.model().candidatePairs(), outcome.model().randomPairs());
		return links;
	}

}
