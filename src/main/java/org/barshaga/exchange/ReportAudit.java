package org.barshaga.exchange;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits the showing of an import's report: a rejected row shows the IIN that was wrong
 * with it, and an IIN is a child. Every learner whose IIN the report shows is recorded
 * against the event, so that the child's read history finds it. The learners are found by
 * one query over the shown rejections, not row by row.
 */
@Component
class ReportAudit {

	/**
	 * The shown rejections of IIN columns, as learner ids; the limit keeps the page's.
	 */
	private static final String LEARNERS_SHOWN = """
			SELECT l.id FROM learner l WHERE l.iin IN (
				SELECT r.cell_value FROM (SELECT column_name, cell_value FROM import_rejection
					WHERE run_id = :run ORDER BY line_number LIMIT :limit) r
				WHERE r.column_name = 'iin')""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	ReportAudit(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Records that the actor was shown the first {@code limit} rejections of the run (the
	 * page) or all of them (the CSV report, {@code limit} of {@link Integer#MAX_VALUE}).
	 */
	void shown(Actor actor, ImportRun run, int limit, String what) {
		if (!run.register().personal() || run.rowsRejected() == 0) {
			return;
		}
		AuditSubjects learners = new AuditSubjects("learner");
		if (run.register().subjectType() != null) {
			jdbc.sql(LEARNERS_SHOWN)
				.param("run", run.id())
				.param("limit", limit)
				.query((rs, n) -> rs.getLong(1))
				.list()
				.forEach(learners::add);
		}
		transactions.executeWithoutResult(t -> audit.recordedHolding(actor, AuditAction.READ, "import_run", run.id(),
				run.scopePath(), "import report, " + what + ": " + learners.size() + " learners", learners));
	}

}
