/**
 * The audit log: who did what to which record, when, from where, and which fields
 * changed. Features write to it through {@link org.barshaga.audit.AuditLog}; sign-ins and
 * failed sign-ins are recorded from Spring Security's events. Administrators and the
 * Ministry read it, page or API, filtered by user, record and date, and always limited to
 * their scope in SQL. Entries are only ever added, never changed or deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "kernel")
package org.barshaga.audit;
