package org.barshaga.reconcile;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's lists in full, for downloads and the API: streamed from the database in one
 * pass, limited to the user's scope in SQL, and audited as one read per download that
 * holds every record it gave out.
 */
@Service
public class ReconcileLists {

	private final Reconciliation reconciliation;

	private final ResultRepository results;

	private final AuditLog audit;

	ReconcileLists(Reconciliation reconciliation, ResultRepository results, AuditLog audit) {
		this.reconciliation = reconciliation;
		this.results = results;
		this.audit = audit;
	}

	/**
	 * A listed result with the names of the schools and the decision taken on its pair.
	 */
	interface ChildSink {

		void accept(ResultRepository.ListedResult result, Map<Long, String[]> schools, Boolean decision);

	}

	ReconcileRun run(Actor actor, long id) {
		return reconciliation.run(actor, id);
	}

	/**
	 * The children of one outcome, each once, in the place asked for inside the scope.
	 */
	@Transactional
	void children(Actor actor, long runId, ReconcileOutcome outcome, DataScope within, ChildSink sink) {
		DataScope scope = scope(actor, runId, within);
		Map<Long, String[]> schools = results.organisationsOfRun(runId, scope);
		Reads reads = new Reads();
		results.stream(runId, scope, ResultRepository.Selection.OUTCOME, outcome.name(), result -> {
			reads.add(result);
			Boolean decision = outcome == ReconcileOutcome.UNCERTAIN && result.pupilIin() != null
					? results.decision(result.register(), result.recordId(), result.pupilIin()).orElse(null) : null;
			sink.accept(result, schools, decision);
		});
		reads.record(audit, runId, actor, scope, "reconciliation list, run " + runId + ", " + outcome.name());
	}

	/** A register's records that share a cluster or may, for the register's owner. */
	@Transactional
	void duplicates(Actor actor, long runId, RecordSource register, DataScope within,
			Consumer<ResultRepository.ListedResult> sink) {
		DataScope scope = scope(actor, runId, within);
		Reads reads = new Reads();
		results.stream(runId, scope, ResultRepository.Selection.DUPLICATES, register.name(), result -> {
			reads.add(result);
			sink.accept(result);
		});
		reads.record(audit, runId, actor, scope, "reconciliation duplicates, run " + runId + ", " + register.name());
	}

	/**
	 * The pupils the enrolment extract holds twice, for the schools and the department.
	 */
	@Transactional
	void pupilDuplicates(Actor actor, long runId, DataScope within, Consumer<ResultRepository.PupilDuplicate> sink) {
		DataScope scope = scope(actor, runId, within);
		Reads reads = new Reads();
		results.streamPupilDuplicates(runId, scope, pair -> {
			reads.add("enrolment_pupil", pair.iin());
			reads.add("enrolment_pupil", pair.otherIin());
			sink.accept(pair);
		});
		reads.record(audit, runId, actor, scope, "reconciliation duplicates, run " + runId + ", ENROLMENT");
	}

	/** The children the two registers disagree on, each once. */
	@Transactional
	void disagreements(Actor actor, long runId, DataScope within, Consumer<ResultRepository.ListedResult> sink) {
		DataScope scope = scope(actor, runId, within);
		Reads reads = new Reads();
		results.stream(runId, scope, ResultRepository.Selection.DISAGREEMENTS, "ALL", result -> {
			reads.add(result);
			sink.accept(result);
		});
		reads.record(audit, runId, actor, scope, "reconciliation disagreements, run " + runId);
	}

	private DataScope scope(Actor actor, long runId, DataScope within) {
		reconciliation.run(actor, runId);
		return within != null && actor.scope().contains(within) ? within : actor.scope();
	}

	/** The records a download gave out, per register, for its audit event. */
	private static final class Reads {

		private final Map<String, AuditSubjects> subjects = new TreeMap<>();

		void add(ResultRepository.ListedResult result) {
			add(Reconciliation.auditEntity(result.register()), result.recordId());
		}

		void add(String recordType, String recordId) {
			subjects.computeIfAbsent(recordType, AuditSubjects::new).add(recordId);
		}

		void record(AuditLog audit, long runId, Actor actor, DataScope scope, String detail) {
			if (subjects.isEmpty()) {
				audit.recorded(actor, AuditAction.EXPORT, "reconcile_run", runId, scope.pathPrefix(), detail);
			}
			subjects.forEach((recordType, held) -> audit.recordedHolding(actor, AuditAction.EXPORT, "reconcile_run",
					runId, scope.pathPrefix(), detail + ", " + held.size() + " records", held));
		}

	}

}
