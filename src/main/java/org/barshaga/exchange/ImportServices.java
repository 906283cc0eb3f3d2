package org.barshaga.exchange;

import java.time.Clock;

import javax.sql.DataSource;

import org.barshaga.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every {@link ImportExecution} uses of the application, handed over in one piece by
 * the {@link Importer} that starts it.
 *
 * @param postgres whether the database is PostgreSQL, where writers take its own ways
 */
record ImportServices(DataSource dataSource, JdbcClient jdbc, ImportRuns runs, AuditLog audit,
		TransactionTemplate transactions, Clock clock, boolean postgres) {
}
