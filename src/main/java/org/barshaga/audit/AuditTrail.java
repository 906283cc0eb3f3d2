package org.barshaga.audit;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.ResultPage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for the roles that oversee it, always inside the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AuditRepository repository;

	AuditTrail(AuditRepository repository) {
		this.repository = repository;
	}

	public ResultPage<AuditEntry> search(Actor actor, AuditQuery query) {
		if (!actor.role().readsAudit()) {
			throw new NotPermittedException("read the audit log");
		}
		return new ResultPage<>(repository.find(actor.scope(), query), query.page(), AuditQuery.PAGE_SIZE,
				repository.count(actor.scope(), query));
	}

}
