package org.barshaga.backup;

import java.time.Clock;

import javax.sql.DataSource;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the backup and restore commands share: the application's own database, the backups
 * service, and the audit entry each run leaves in that database.
 */
@Component
class Operator {

	static final Actor SYSTEM = new Actor(0, "system:backup", "Command-line backup and restore", Role.ADMIN,
			DataScope.NATION);

	static final String RECORD_TYPE = "database";

	private final Database database;

	private final Backups backups;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	Operator(DataSource dataSource, @Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username:}") String user,
			@Value("${spring.datasource.password:}") String password, @Value("${BARSHAGA_PG_BIN:}") String pgBin,
			Clock clock, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.database = new Database(dataSource, url, user, password);
		this.backups = new Backups(clock, new PgClient(pgBin));
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	Database database() {
		return database;
	}

	Backups backups() {
		return backups;
	}

	/**
	 * Records the run in the audit log of the application's database, committed alone.
	 */
	void audit(AuditAction action, String file, String detail) {
		transactions.executeWithoutResult(
				status -> audit.recorded(SYSTEM, action, RECORD_TYPE, file, SYSTEM.scope().pathPrefix(), detail));
	}

}
