package org.barshaga.reconcile;

import java.util.Map;
import java.util.TreeMap;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One linkage run over the demo's health-registry extract for the current school year, as
 * the administrator of the whole country, so that a fresh start shows results and a
 * review queue. It runs once: not when any run exists, nor when there is nothing to link.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(60)
class DemoLinkage implements ApplicationRunner {

	static final Actor DEMO = new Actor(0, "demo-data", "Demo data", Role.ADMIN, DataScope.NATION);

	private static final Logger log = LoggerFactory.getLogger(DemoLinkage.class);

	private final Reconciliation reconciliation;

	private final JdbcClient jdbc;

	DemoLinkage(Reconciliation reconciliation, JdbcClient jdbc) {
		this.reconciliation = reconciliation;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM reconcile_run").query(Long.class).single() > 0
				|| jdbc.sql("SELECT COUNT(*) FROM health_registry_record").query(Long.class).single() == 0) {
			return;
		}
		long started = System.nanoTime();
		long id = reconciliation.runNow(DEMO, reconciliation.currentSchoolYear(), LinkageSettings.DEFAULT);
		ReconcileRun run = reconciliation.run(DEMO, id);
		Map<String, Long> outcomes = new TreeMap<>();
		jdbc.sql("SELECT outcome, COUNT(*) FROM reconcile_result WHERE run_id = ? GROUP BY outcome")
			.param(id)
			.query((rs, row) -> outcomes.put(rs.getString(1), rs.getLong(2)))
			.list();
		log.info("Demo data: linkage run {} {}, {} health records against {} pupils of {}-{}, {}, in {} ms", id,
				run.status(), run.healthRecords(), run.pupilsRead(), run.schoolYear(), run.schoolYear() + 1, outcomes,
				(System.nanoTime() - started) / 1_000_000);
	}

}
