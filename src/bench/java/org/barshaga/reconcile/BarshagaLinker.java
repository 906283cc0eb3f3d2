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
		// as the product links the health registry alone: its duplicates first, then to the
		// pupils
		ThreeRegisterLinkage.Outcome three = new ThreeRegisterLinkage(LinkageSettings.DEFAULT).link(records, List.of(),
				source, Map.of(), Map.of(), read -> {
				});
		LinkageEngine.Outcome outcome = three.linkage();
		Map<String, String> links = new HashMap<>();
		int review = 0;
		for (ThreeRegisterLinkage.RecordResult result : three.results()) {
			if (result.childVerdict() == Link.Verdict.MATCH) {
				links.put(result.record().recordId(), result.link().pupil().iin());
			}
			else if (result.childVerdict() == Link.Verdict.REVIEW) {
				review++;
			}
		}
		System.out.printf("barshaga: %d automatic links, %d records for review, %d duplicate pairs joined, EM match"
				+ " share %.4f over %d candidate pairs, %d random pairs%n", links.size(), review,
				three.health().joined.size(), outcome.model().matchShare(), outcome.model().candidatePairs(),
				outcome.model().randomPairs());
		return links;
	}

}
