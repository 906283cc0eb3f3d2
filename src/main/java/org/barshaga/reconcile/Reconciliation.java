package org.barshaga.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs linkage of the health registry against the education registers and answers for its
 * results, its lists and its review queue. A run reads the registers and writes only its
 * own tables.
 */
@Service
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	/** School age: 6 to 17 years old on 1 September of the school year. */
	static final int SCHOOL_AGE_FROM = 6;

	static final int SCHOOL_AGE_TO = 17;

	private final ReconcileRepository repository;

	private final ResultRepository results;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "reconcile");
		thread.setDaemon(true);
		return thread;
	});

	Reconciliation(ReconcileRepository repository, ResultRepository results, AuditLog audit, Clock clock,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.results = results;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	// not when a backup or restore starts: it may run beside a live server, whose running
	// work is no leftover of a stopped process, and a restore leaves the backup as it was
	@EventListener(value = ApplicationReadyEvent.class,
			condition = "@environment.getProperty('barshaga.close-stopped-runs', 'true') == 'true'")
	void markInterrupted() {
		int interrupted = repository.markInterrupted(clock.instant());
		if (interrupted > 0) {
			log.warn("{} linkage runs were left running by a stopped process and are marked interrupted", interrupted);
		}
	}

	/** Who starts runs: the Ministry and the regions, for the records of their scope. */
	static boolean runs(Role role) {
		return role == Role.ADMIN || role == Role.MINISTRY || role == Role.REGION_OFFICER;
	}

	/** Who reads the results and reviews uncertain links. */
	static boolean reads(Role role) {
		return runs(role) || role == Role.DISTRICT_OFFICER;
	}

	/** The school year that starts in September of the year of today. */
	int currentSchoolYear() {
		LocalDate today = LocalDate.now(clock);
		return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
	}

	/**
	 * Starts a run over the health records in the actor's scope, in the background.
	 * @return the run's id
	 */
	long start(Actor actor, int schoolYear, LinkageSettings settings) {
		check(actor, runs(actor.role()));
		if (schoolYear < 2000 || schoolYear > currentSchoolYear() + 1) {
			throw InvalidInputException.of("schoolYear", "reconcile.error.year");
		}
		long id = repository.start(schoolYear, actor.scope(), actor.username(), settings, clock.instant());
		worker.execute(() -> execute(id, actor, schoolYear, settings));
		return id;
	}

	/** Runs linkage to the end in the calling thread, for the command line. */
	long runNow(Actor actor, int schoolYear, LinkageSettings settings) {
		check(actor, runs(actor.role()));
		long id = repository.start(schoolYear, actor.scope(), actor.username(), settings, clock.instant());
		execute(id, actor, schoolYear, settings);
		return id;
	}

	private void execute(long id, Actor actor, int schoolYear, LinkageSettings settings) {
		try {
			List<RegisterRecord> health = repository.healthRecords(actor.scope());
			List<RegisterRecord> benefit = repository.benefitRecords(actor.scope());
			Map<String, Map<String, Boolean>> decisions = repository.decisions(actor.scope());
			long pupils = repository.pupilCount(schoolYear);
			repository.counted(id, health.size(), benefit.size(), pupils,
					decisions.values().stream().mapToInt(Map::size).sum());
			ThreeRegisterLinkage.Outcome outcome = new ThreeRegisterLinkage(settings).link(health, benefit,
					sink -> repository.pupils(schoolYear, sink), decisions,
					repository.duplicateDecisions(actor.scope()), read -> repository.progress(id, read));
			List<ReconcileRepository.ResultRow> rows = new ResultRows(repository).classify(outcome.results(),
					schoolYear);
			int duplicatePairs = outcome.health().joined.size() + outcome.benefit().joined.size();
			transactions.executeWithoutResult(status -> {
				repository.saveResults(id, rows);
				repository.savePupilDuplicates(id, outcome.pupilDuplicates());
				repository.finish(id, outcome.linkage().model(), duplicatePairs, describe(outcome), clock.instant());
				audit.recorded(actor, AuditAction.CREATE, "reconcile_run", id, actor.scope().pathPrefix(), health.size()
						+ " health records, " + benefit.size() + " benefit records, school year " + schoolYear);
			});
		}
		catch (RuntimeException ex) {
			log.error("Linkage run {} failed", id, ex);
			repository.fail(id, String.valueOf(ex.getMessage()), clock.instant());
		}
	}

	/** Every fitted model of the run, each under its register's name. */
	static String describe(ThreeRegisterLinkage.Outcome outcome) {
		StringBuilder s = new StringBuilder();
		Map<RecordSource, LinkageEngine.Model> models = outcome.linkage().models();
		models.forEach((source, model) -> {
			if (models.size() > 1) {
				s.append(source.name()).append('\n');
			}
			s.append(describe(model));
		});
		return s.length() > 4000 ? s.substring(0, 4000) : s.toString();
	}

	/**
	 * The fitted model as text kept with the run: m and u of every level of every field.
	 */
	static String describe(LinkageEngine.Model model) {
		StringBuilder s = new StringBuilder();
		for (Field f : Field.ALL) {
			for (int l = 1; l < f.levelCount(); l++) {
				s.append(String.format(Locale.ROOT, "%s:%s m=%.6g u=%.6g%n", f.name(), f.levels.get(l),
						model.m()[f.ordinal()][l], model.u()[f.ordinal()][l]));
			}
		}
		for (int l = 1; l < Field.IIN.levelCount(); l++) {
			s.append(String.format(Locale.ROOT, "IIN_SAME_BIRTH_DATE:%s m=%.6g u=%.6g%n", Field.IIN.levels.get(l),
					model.m()[Field.IIN.ordinal()][l], model.u()[Weights.IIN_SAME_DAY][l]));
		}
		return s.length() > 4000 ? s.substring(0, 4000) : s.toString();
	}

	@Transactional(readOnly = true)
	List<ReconcileRun> recent(Actor actor) {
		check(actor, reads(actor.role()));
		return repository.recent(actor.scope(), 20);
	}

	@Transactional(readOnly = true)
	ReconcileRun run(Actor actor, long id) {
		check(actor, reads(actor.role()));
		return repository.find(id, actor.scope()).orElseThrow(() -> new NotFoundException("reconcile_run", id));
	}

	/** The newest finished run whose results cover the actor's whole scope. */
	@Transactional(readOnly = true)
	Optional<ReconcileRun> latest(Actor actor, int schoolYear) {
		check(actor, reads(actor.role()));
		return repository.latestCovering(actor.scope(), schoolYear);
	}

	/**
	 * Counts of every outcome in the run for each place one level below the actor's scope
	 * (a region's districts, a district's schools and its residents without one).
	 */
	@Transactional(readOnly = true)
	Map<String, Map<ReconcileOutcome, Long>> summary(Actor actor, long runId) {
		run(actor, runId);
		int depth = actor.scope().pathPrefix().split("/").length - 1;
		return results.countsByPlace(runId, actor.scope(), depth);
	}

	/**
	 * A page of the children with one outcome in the actor's scope, with their names:
	 * each child listed is a read of personal data, and audited.
	 */
	@Transactional
	ResultList list(Actor actor, long runId, ReconcileOutcome outcome, DataScope within, int page) {
		run(actor, runId);
		DataScope scope = within != null && actor.scope().contains(within) ? within : actor.scope();
		int size = ResultList.PAGE_SIZE;
		List<ResultRepository.ListedResult> listed = results.results(runId, scope, outcome, size,
				Math.max(0, page) * size);
		for (ResultRepository.ListedResult result : listed) {
			audit.recorded(actor, AuditAction.READ, auditEntity(result.register()), result.recordId(),
					result.residencePath(), "reconciliation list, run " + runId + ", " + outcome.name());
		}
		Map<Long, String[]> schools = results.organisations(listed.stream()
			.map(ResultRepository.ListedResult::organisationId)
			.filter(java.util.Objects::nonNull)
			.toList());
		return new ResultList(listed, schools, results.countResults(runId, scope, outcome), page, size);
	}

	/** A page of results with the names of the schools they mention. */
	record ResultList(List<ResultRepository.ListedResult> results, Map<Long, String[]> schools, long total, int page,
			int size) {

		static final int PAGE_SIZE = 50;

		int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

	/**
	 * The decisions reviewers have taken so far on the pairs of a page of results (read
	 * by {@link #list}, so already in scope), by record id: the review queue shows which
	 * links are settled for the next run.
	 */
	@Transactional(readOnly = true)
	Map<String, Boolean> decisions(ResultList list) {
		Map<String, Boolean> decisions = new java.util.HashMap<>();
		for (ResultRepository.ListedResult result : list.results()) {
			if (result.pupilIin() != null) {
				results.decision(result.register(), result.recordId(), result.pupilIin())
					.ifPresent(confirmed -> decisions.put(result.recordId(), confirmed));
			}
		}
		return decisions;
	}

	/**
	 * The records of one child (each register's, duplicates included) and the proposed
	 * pupil side by side, every record and the pupil audited as reads.
	 */
	@Transactional
	Evidence evidence(Actor actor, long runId, RecordSource register, String recordId) {
		ReconcileRun run = run(actor, runId);
		ResultRepository.ListedResult result = results.result(runId, register, recordId, actor.scope())
			.orElseThrow(() -> new NotFoundException("reconcile_record", recordId));
		List<ResultRepository.ListedResult> records = result.childKey() == null ? List.of(result)
				: results.childRecords(runId, result.childKey(), actor.scope());
		Map<String, Object> pupil = result.pupilIin() == null ? null
				: results.pupil(run.schoolYear(), result.pupilIin()).orElse(null);
		for (ResultRepository.ListedResult each : records) {
			audit.recorded(actor, AuditAction.READ, auditEntity(each.register()), each.recordId(), each.residencePath(),
					"reconciliation review, run " + runId);
		}
		if (pupil != null) {
			audit.recorded(actor, AuditAction.READ, "enrolment_pupil", result.pupilIin(), (String) pupil.get("path"),
					"reconciliation review of " + recordId + ", run " + runId);
		}
		Boolean decided = result.pupilIin() == null ? null
				: results.decision(register, recordId, result.pupilIin()).orElse(null);
		return new Evidence(run, result, records, pupil, decided);
	}

	record Evidence(ReconcileRun run, ResultRepository.ListedResult result, List<ResultRepository.ListedResult> records,
			Map<String, Object> pupil, Boolean decision) {
	}

	/**
	 * A reviewer confirms or rejects the link proposed for a record; the decision holds
	 * for every later run and is audited.
	 */
	@Transactional
	void decide(Actor actor, long runId, RecordSource register, String recordId, String pupilIin, boolean confirmed) {
		check(actor, reads(actor.role()));
		ReconcileRun run = run(actor, runId);
		ResultRepository.ListedResult result = results.result(runId, register, recordId, actor.scope())
			.orElseThrow(() -> new NotFoundException("reconcile_record", recordId));
		if (result.pupilIin() == null || !result.pupilIin().equals(pupilIin)) {
			throw InvalidInputException.of("pupil", "reconcile.error.noSuchPair");
		}
		Instant now = clock.instant();
		Optional<Boolean> before = results.decision(register, recordId, pupilIin);
		results.decide(register, recordId, pupilIin, confirmed, result.residencePath(), run.id(), actor.username(),
				now);
		audit.updated(actor, "reconcile_decision", register + ":" + recordId + ":" + pupilIin, result.residencePath(),
				Map.of("decision", before.map(b -> b ? "CONFIRMED" : "REJECTED").orElse("")),
				Map.of("decision", confirmed ? "CONFIRMED" : "REJECTED"));
	}

	/**
	 * A reviewer says whether two records of one register, shown together as one child or
	 * as possible duplicates, name the same child; the next run groups them accordingly.
	 */
	@Transactional
	void decideDuplicate(Actor actor, long runId, RecordSource register, String recordId, String otherRecordId,
			boolean sameChild) {
		check(actor, reads(actor.role()));
		ReconcileRun run = run(actor, runId);
		ResultRepository.ListedResult first = results.result(runId, register, recordId, actor.scope())
			.orElseThrow(() -> new NotFoundException("reconcile_record", recordId));
		results.result(runId, register, otherRecordId, actor.scope())
			.orElseThrow(() -> new NotFoundException("reconcile_record", otherRecordId));
		if (recordId.equals(otherRecordId)) {
			throw InvalidInputException.of("other", "reconcile.error.noSuchPair");
		}
		results.decideDuplicate(register, recordId, otherRecordId, sameChild, first.residencePath(), run.id(),
				actor.username(), clock.instant());
		audit.updated(actor, "reconcile_duplicate_decision", register + ":" + recordId + ":" + otherRecordId,
				first.residencePath(), Map.of(), Map.of("decision", sameChild ? "SAME_CHILD" : "DIFFERENT_CHILDREN"));
	}

	/** What the audit log calls a record of each register. */
	static String auditEntity(RecordSource register) {
		return register == RecordSource.HEALTH ? "health_record" : "benefit_record";
	}

	private static void check(Actor actor, boolean allowed) {
		if (!allowed) {
			throw new NotPermittedException("reconciliation");
		}
	}

}
