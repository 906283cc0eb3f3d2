package org.barshaga.audit;

/** The kinds of event the audit log records. */
public enum AuditAction implements org.barshaga.kernel.Coded {

	LOGIN_SUCCESS, LOGIN_FAILURE, LOGOUT, CREATE, UPDATE, DELETE, READ, IMPORT, EXPORT;

	@Override
	public String messageKey() {
		return "audit.action." + name();
	}

}
