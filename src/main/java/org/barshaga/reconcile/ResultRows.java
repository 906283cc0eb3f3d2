package org.barshaga.reconcile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a run's linkage into the results it keeps: one per record, each with the outcome
 * of the child the record belongs to.
 */
final class ResultRows {

	private final ReconcileRepository repository;

	ResultRows(ReconcileRepository repository) {
		this.repository = repository;
	}

	/**
	 * A child at school has the outcome of the pupil's learner record; a child of school
	 * age found in no school is not enrolled; a child with a link or a duplicate still to
	 * review is uncertain. The age is that of the record that stands for the child, on 1
	 * September of the school year.
	 */
	List<ReconcileRepository.ResultRow> classify(List<ThreeRegisterLinkage.RecordResult> results, int schoolYear) {
		Set<String> withSenRecord = repository.withSenRecord();
		Set<String> supported = repository.supportedAmong(schoolYear,
				results.stream()
					.filter(r -> r.childVerdict() == Link.Verdict.MATCH && r.primary()
							&& withSenRecord.contains(r.link().pupil().iin()))
					.map(r -> r.link().pupil().iin())
					.toList());
		LocalDate ageOn = LocalDate.of(schoolYear, 9, 1);
		List<ReconcileRepository.ResultRow> rows = new ArrayList<>(results.size());
		for (ThreeRegisterLinkage.RecordResult result : results) {
			RegisterRecord record = result.record();
			Link link = result.link();
			int age = (int) ChronoUnit.YEARS.between(result.childRecord().birthDate(), ageOn);
			ReconcileOutcome outcome;
			Pupil pupil = link.pupil();
			if (result.childVerdict() == Link.Verdict.MATCH) {
				outcome = !withSenRecord.contains(pupil.iin()) ? ReconcileOutcome.NO_SEN_RECORD
						: supported.contains(pupil.iin()) ? ReconcileOutcome.SUPPORTED : ReconcileOutcome.NO_SUPPORT;
			}
			else if (result.childVerdict() == Link.Verdict.REVIEW) {
				outcome = ReconcileOutcome.UNCERTAIN;
			}
			else {
				outcome = age >= Reconciliation.SCHOOL_AGE_FROM && age <= Reconciliation.SCHOOL_AGE_TO
						? ReconcileOutcome.NOT_ENROLLED : ReconcileOutcome.NOT_SCHOOL_AGE;
			}
			boolean enrolled = result.childVerdict() == Link.Verdict.MATCH;
			// a child is counted where the record that stands for it says the child lives
			String residence = result.childRecord().path();
			rows.add(new ReconcileRepository.ResultRow(record.recordId(), outcome, enrolled ? pupil.path() : residence,
					residence, pupil == null ? null : pupil.iin(), pupil == null ? null : pupil.organisationId(),
					link.probability(), link.weight(), pupil == null ? null : Field.describe(link.vector()),
					link.namesSwapped(), link.decided(), age, result.childRecord().sex().name(), record.source(),
					result.childKey(), result.primary(), result.clusterKey(), result.clusterSize(),
					result.clusterProbability(), result.clusterUncertain(), names(result.foundIn()),
					names(result.disagreements()), result.possibleDuplicate()));
		}
		return rows;
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(","));
	}

}
