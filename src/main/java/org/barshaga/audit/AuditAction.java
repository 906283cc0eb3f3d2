package org.barshaga.audit;

/** The kinds of event the audit log records. */
public enum AuditAction {

	LOGIN_SUCCESS, LOGIN_FAILURE, LOGOUT, CREATE, UPDATE, DELETE, READ, IMPORT, EXPORT;

	public String messageKey() {
		return "audit.action." + name();
	}

}
