package org.barshaga.identity;

import java.util.Set;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account on every server at once: sessions live in the database
 * (Spring Session JDBC), indexed by the name of the account signed in to them. A command
 * run from the command line has no sessions to end.
 */
@Component
class AccountSessions {

	static final String RECORD_TYPE = "session";

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final AuditLog audit;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions, AuditLog audit) {
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * Ends the account's sessions and audits how many ended and why; returns how many.
	 */
	int endAll(Actor actor, UserAccount account, String reason) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		Set<String> ids = repository.findByPrincipalName(account.username()).keySet();
		ids.forEach(repository::deleteById);
		if (!ids.isEmpty()) {
			audit.recorded(actor, AuditAction.DELETE, RECORD_TYPE, account.id(), account.scopePath(),
					"ended " + ids.size() + " with " + reason);
		}
		return ids.size();
	}

}
